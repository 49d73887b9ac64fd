#!/usr/bin/env python3
"""Spread of JMH results over forks: for each benchmark (and its parameters) the mean of every fork,
then min / median / max over the forks. Reads the JSON written by `-rf json` (default jmh-result.json)."""
import json
import statistics
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "jmh-result.json"
print(f"{'benchmark':<52} {'unit':<6} {'forks':>5} {'min':>10} {'median':>10} {'max':>10}")
for result in json.load(open(path)):
    name = result["benchmark"].split(".", 3)[-1].replace("dev.loraguide.", "")
    params = ",".join(f"{k}={v}" for k, v in (result.get("params") or {}).items())
    label = f"{name}({params})" if params else name
    forks = [statistics.mean(fork) for fork in result["primaryMetric"]["rawData"]]
    unit = result["primaryMetric"]["scoreUnit"]
    print(f"{label:<52} {unit:<6} {len(forks):>5} {min(forks):>10.3f} {statistics.median(forks):>10.3f} {max(forks):>10.3f}")
