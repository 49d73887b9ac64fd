#!/bin/sh
# Exported by lora-guide for ai-toolkit from guide flux-lora, revision <revision>, recommendation 3f2a6c1e-0d4b-4c8e-9a57-1b2c3d4e5f60.
# Lossy mappings (where ai-toolkit cannot take what the guide said):
# - warmupSteps: guide 300, written nothing. ai-toolkit's cosine takes no warmup (only constant_with_warmup does); the warmup is left out.
# - epochs: guide 75, written nothing. ai-toolkit has no epochs: train.steps is its only length, and repeats only change how long an epoch is.

set -e
python run.py jane_doe.yaml
