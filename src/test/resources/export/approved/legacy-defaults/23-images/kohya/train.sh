#!/bin/sh
# Exported by lora-guide for kohya from guide legacy-defaults, revision <revision>, recommendation 3f2a6c1e-0d4b-4c8e-9a57-1b2c3d4e5f60.
# Lossy mappings (where kohya cannot take what the guide said):
# - epochs: guide 9, written nothing. kohya's max_train_epochs would override max_train_steps; the guide's steps are written and kohya stops when it reaches them.

set -e
accelerate launch \
  --mixed_precision bf16 \
  --num_cpu_threads_per_process 1 sd-scripts/flux_train_network.py \
  --config_file train.toml
