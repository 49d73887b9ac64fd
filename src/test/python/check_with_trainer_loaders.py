"""Checks exported files with the trainers' own loading code, where it runs without a GPU.

kohya sd-scripts: dataset.toml goes through toml.load and ConfigSanitizer.sanitize_user_config
(library/config_util.py, the strict voluptuous schema train_network.py uses); train.toml is read
the way read_config_from_file reads it (toml.load, sections flattened) and every key, like every
flag of a fluxgym train.sh, must be an argument that flux_train_network.py's parser defines.
ai-toolkit: the job file goes through toolkit/config.py get_config (the loader run.py uses), and
must be an extension job with one sd_trainer process.

Not part of the build: it needs the trainers' sources and the pure-Python toml and voluptuous
packages on disk (see docs/export.md). Usage:

  python3 check_with_trainer_loaders.py --sd-scripts DIR --ai-toolkit DIR --libs DIR EXPORT_DIR...
"""
import argparse
import importlib.util
import pathlib
import re
import shlex
import sys
import types


def load_kohya_config_util(sd_scripts):
    # config_util imports the training stack (torch, transformers) only for names it does not
    # use while validating; stand-ins keep the import offline.
    transformers = types.ModuleType("transformers")
    transformers.CLIPTokenizer = object
    sys.modules["transformers"] = transformers
    library = types.ModuleType("library")
    library.__path__ = [str(sd_scripts / "library")]
    sys.modules["library"] = library
    train_util = types.ModuleType("library.train_util")
    for name in ["DreamBoothSubset", "FineTuningSubset", "ControlNetSubset", "DreamBoothDataset",
                 "FineTuningDataset", "ControlNetDataset", "DatasetGroup"]:
        setattr(train_util, name, type(name, (), {}))
    sys.modules["library.train_util"] = train_util
    library.train_util = train_util
    utils = types.ModuleType("library.utils")
    utils.setup_logging = lambda *a, **k: None
    sys.modules["library.utils"] = utils
    spec = importlib.util.spec_from_file_location("library.config_util", sd_scripts / "library" / "config_util.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def kohya_arguments(sd_scripts):
    names = set()
    for source in [sd_scripts / "flux_train_network.py", sd_scripts / "train_network.py"] + list(
            (sd_scripts / "library").glob("*.py")):
        names.update(re.findall(r'add_argument\(\s*"--([A-Za-z0-9_]+)"', source.read_text(encoding="utf-8")))
    return names


def check_kohya(folder, config_util, arguments, toml):
    problems = []
    dataset = config_util.load_user_config(str(folder / "dataset.toml"))
    # as train_network.py builds it: DreamBooth and fine-tuning, no masks, dropout allowed
    config_util.ConfigSanitizer(True, True, False, True).sanitize_user_config(dataset)
    train = folder / "train.toml"
    if train.exists():
        flat = {}
        for section, values in toml.load(str(train)).items():
            flat.update(values if isinstance(values, dict) else {section: values})
        problems += [f"{train}: {key} is no kohya argument" for key in flat if key not in arguments]
        if not isinstance(flat.get("lr_warmup_steps", 0), int):
            problems.append(f"{train}: lr_warmup_steps is not an integer (kohya reads a float as a fraction)")
        if "max_train_epochs" in flat:
            problems.append(f"{train}: max_train_epochs would override max_train_steps")
    script = folder / "train.sh"
    words = shlex.split(script.read_text(encoding="utf-8"), comments=True)
    if "flux_train_network.py" in " ".join(words):
        flags = [word[2:] for word in words[words.index("sd-scripts/flux_train_network.py"):] if word.startswith("--")]
        problems += [f"{script}: --{flag} is no kohya argument" for flag in flags if flag not in arguments]
    return problems


def check_ai_toolkit(folder, ai_toolkit):
    sys.modules.setdefault("oyaml", __import__("yaml"))  # oyaml is PyYAML keeping key order
    # toolkit/__init__.py sets up Hugging Face progress bars; the loader needs none of it
    toolkit = types.ModuleType("toolkit")
    toolkit.__path__ = [str(ai_toolkit / "toolkit")]
    sys.modules["toolkit"] = toolkit
    spec = importlib.util.spec_from_file_location("toolkit.config", ai_toolkit / "toolkit" / "config.py")
    config_module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(config_module)
    get_config = config_module.get_config
    problems = []
    for job_file in list(folder.glob("*.yaml")) + list(folder.glob("*.json")):
        config = get_config(str(job_file.resolve()))
        process = config["config"]["process"]
        if config["job"] != "extension" or len(process) != 1 or process[0]["type"] != "sd_trainer":
            problems.append(f"{job_file}: not one sd_trainer process of an extension job")
        train = process[0]["train"]
        if train.get("lr_scheduler") == "constant_with_warmup" and "num_warmup_steps" not in train.get(
                "lr_scheduler_params", {}):
            problems.append(f"{job_file}: constant_with_warmup without num_warmup_steps falls back to 1000")
        print(f"{job_file}: loaded, trigger_word {process[0].get('trigger_word')!r}, steps {train['steps']}, "
              f"lr {train['lr']}, scheduler {train['lr_scheduler']}")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sd-scripts", type=pathlib.Path, required=True)
    parser.add_argument("--ai-toolkit", type=pathlib.Path, required=True)
    parser.add_argument("--libs", type=pathlib.Path, required=True, help="folder holding toml/ and voluptuous/")
    parser.add_argument("folders", nargs="+", type=pathlib.Path)
    args = parser.parse_args()
    sys.path.insert(0, str(args.libs))
    import toml
    config_util = load_kohya_config_util(args.sd_scripts)
    arguments = kohya_arguments(args.sd_scripts)
    problems = []
    for folder in args.folders:
        if (folder / "dataset.toml").exists():
            problems += check_kohya(folder, config_util, arguments, toml)
            print(f"{folder}: kohya loaders accept dataset.toml" + (" and train.toml" if (folder / "train.toml").exists() else ""))
        else:
            problems += check_ai_toolkit(folder, args.ai_toolkit)
    for problem in problems:
        print("PROBLEM:", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
