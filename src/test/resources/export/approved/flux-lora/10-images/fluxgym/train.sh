#!/bin/sh
# Exported by lora-guide for fluxgym from guide flux-lora, revision <revision>, recommendation 3f2a6c1e-0d4b-4c8e-9a57-1b2c3d4e5f60.
# Lossy mappings (where fluxgym cannot take what the guide said):
# - maxTrainSteps: guide 1500, written 1500. fluxgym trains for epochs: 75 epochs × 10 images × 2 repeats at batch 1 = 1500 steps.
# - networkAlpha: guide 8, written 8. fluxgym's form never passes network_alpha (kohya then uses alpha 1); written as an extra flag at the end of train.sh: enter it in the Advanced tab if you start the run from the form.
# - lrScheduler: guide 'cosine', written 'cosine'. fluxgym's form never passes lr_scheduler (kohya then uses constant); written as an extra flag at the end of train.sh: enter it in the Advanced tab if you start the run from the form.
# - warmupSteps: guide 300, written 300. fluxgym's form never passes lr_warmup_steps (kohya then uses no warmup); written as an extra flag at the end of train.sh: enter it in the Advanced tab if you start the run from the form.

set -e
accelerate launch \
  --mixed_precision bf16 \
  --num_cpu_threads_per_process 1 sd-scripts/flux_train_network.py \
  --pretrained_model_name_or_path /models/flux1-dev.safetensors \
  --clip_l /models/clip_l.safetensors \
  --t5xxl /models/t5xxl_fp16.safetensors \
  --ae /models/ae.safetensors \
  --cache_latents_to_disk \
  --save_model_as safetensors \
  --sdpa \
  --persistent_data_loader_workers \
  --max_data_loader_n_workers 2 \
  --seed 42 \
  --gradient_checkpointing \
  --mixed_precision bf16 \
  --save_precision bf16 \
  --network_module networks.lora_flux \
  --network_dim 16 \
  --optimizer_type adamw8bit \
  --learning_rate 0.0002 \
  --cache_text_encoder_outputs \
  --cache_text_encoder_outputs_to_disk \
  --fp8_base \
  --highvram \
  --max_train_epochs 75 \
  --save_every_n_epochs 4 \
  --dataset_config dataset.toml \
  --output_dir output \
  --output_name jane_doe \
  --timestep_sampling shift \
  --discrete_flow_shift 3.1582 \
  --model_prediction_type raw \
  --guidance_scale 1 \
  --loss_type l2 \
  --network_alpha 8 \
  --lr_scheduler cosine \
  --lr_warmup_steps 300
