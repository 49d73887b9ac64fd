#!/usr/bin/env python3
"""CPU per recommendation by component, from a JFR recording's jdk.ExecutionSample stacks.

    bench/jfr-breakdown.py RECORDING.jfr [--group NAME=THREAD_PREFIX=US_PER_RECOMMENDATION ...]
                           [--between START,END ...] [--detail N]

Each sample is charged to the first frame, from the top of the stack down, whose class belongs to a
known component (so a HashMap.get inside Jackson counts as Jackson, and JDK frames count for their
caller). Samples are grouped by thread (request threads, the decision-log writer); when a group is
given the CPU microseconds its threads used per recommendation (bench/cpu-breakdown.sh reads them
from /proc), the shares are turned into microseconds per recommendation. --between keeps the samples taken between two
Unix times (seconds), so that one recording over several runs (bench/side-by-side.sh JFR=1) can be
split by run: a wrk-NAME.txt file is written as its run ends. --detail N lists under each component
the N methods its samples were charged to most (the component's frame nearest the top of the stack).
"""
import argparse
import collections
import datetime
import json
import subprocess
import sys

# First match wins, from the top of the stack down: put the narrower prefixes first.
COMPONENTS = [
    ("java.util.UUID", "UUID / SecureRandom"),
    ("com.fasterxml.uuid", "UUID / SecureRandom"),
    ("sun.security.provider", "UUID / SecureRandom"),
    ("java.security.SecureRandom", "UUID / SecureRandom"),
    # Handing a decision to the writer and back: the queue, the completion the request waits on
    # (its unpark is charged here, to the writer that completes it) and the acknowledge timeout.
    ("java.util.concurrent.CompletableFuture", "group-commit handoff"),
    ("java.util.concurrent.ArrayBlockingQueue", "group-commit handoff"),
    ("java.util.concurrent.ScheduledThreadPoolExecutor", "group-commit handoff"),
    ("dev.loraguide.decisionlog.DecisionQueue", "group-commit handoff"),
    ("dev.loraguide.recommend.Decision", "group-commit handoff"),
    ("dev.loraguide.recommend.RecommendationSummary", "response summary (ours)"),
    ("dev.loraguide.system.PlainDecimal", "decimals as text (summary, JSON numbers)"),
    ("dev.loraguide.decisionlog", "decision log (ours)"),
    ("dev.loraguide.recommend", "recommend (ours)"),
    ("dev.loraguide.experiment", "experiment assignment (ours)"),
    ("dev.loraguide.guide", "guide evaluation (ours)"),
    ("dev.loraguide", "other (ours)"),
    ("org.h2", "H2"),
    ("com.zaxxer.hikari", "JDBC pool / Spring JDBC"),
    ("org.springframework.jdbc", "JDBC pool / Spring JDBC"),
    ("org.springframework.transaction", "JDBC pool / Spring JDBC"),
    ("org.drools", "Drools"),
    ("org.kie", "Drools"),
    ("org.mvel2", "Drools"),
    ("tools.jackson", "Jackson"),
    ("com.fasterxml.jackson", "Jackson"),
    ("org.hibernate.validator", "Bean Validation"),
    ("jakarta.validation", "Bean Validation"),
    ("org.springframework.validation", "Bean Validation"),
    ("io.micrometer", "metrics and observation"),
    ("io.prometheus", "metrics and observation"),
    ("org.HdrHistogram", "metrics and observation"),
    ("org.springframework.web.filter.ServerHttpObservationFilter", "metrics and observation"),
    ("org.springframework.http.server.observation", "metrics and observation"),
    ("org.springframework.boot.micrometer", "metrics and observation"),
    ("org.springframework.security", "security filter chain"),
    ("org.springframework.context", "event publishing"),
    ("org.springframework.web", "Spring MVC"),
    ("org.springframework.http", "Spring MVC"),
    ("org.springframework", "Spring other"),
    ("org.apache.catalina", "Tomcat"),
    ("org.apache.coyote", "Tomcat"),
    ("org.apache.tomcat", "Tomcat"),
    ("sun.nio", "NIO buffers, sockets (JDK)"),
    ("java.nio", "NIO buffers, sockets (JDK)"),
    ("ch.qos.logback", "logging"),
    ("org.slf4j", "logging"),
]


def frame_name(frame):
    return frame["method"]["type"]["name"].replace("/", ".") + "." + frame["method"]["name"]


def component(frames):
    """The component a sample is charged to, and the frame that decided it (the top frame when none)."""
    for frame in frames:
        name = frame["method"]["type"]["name"].replace("/", ".")
        for prefix, label in COMPONENTS:
            if name.startswith(prefix):
                return label, frame_name(frame)
    return "JDK / other", frame_name(frames[0]) if frames else "?"


def thread_group(thread_name, groups):
    for name, prefix, _ in groups:
        if thread_name.startswith(prefix):
            return name
    return "other threads"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("recording")
    parser.add_argument("--group", action="append", default=[],
                        help="NAME=THREAD_PREFIX=US_PER_RECOMMENDATION, e.g. requests=http-nio=95.2")
    parser.add_argument("--detail", type=int, default=0,
                        help="N: under each component, its N methods that the samples were charged to most")
    parser.add_argument("--between", action="append", default=[],
                        help="START,END in Unix seconds: only samples taken in one of these windows")
    args = parser.parse_args()
    windows = [tuple(float(t) for t in spec.split(",")) for spec in args.between]
    groups = []
    for spec in args.group:
        name, prefix, us = spec.split("=")
        groups.append((name, prefix, float(us)))
    printed = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events", "jdk.ExecutionSample",
                              args.recording], check=True, capture_output=True, text=True).stdout
    events = json.loads(printed)["recording"]["events"]
    samples = collections.defaultdict(collections.Counter)
    methods = collections.defaultdict(collections.Counter)
    for event in events:
        values = event["values"]
        if windows:
            taken = datetime.datetime.fromisoformat(values["startTime"].replace("Z", "+00:00")).timestamp()
            if not any(start <= taken <= end for start, end in windows):
                continue
        thread = values["sampledThread"]["javaName"] or values["sampledThread"]["osName"] or "?"
        frames = values["stackTrace"]["frames"] if values["stackTrace"] else []
        group = thread_group(thread, groups)
        label, method = component(frames)
        samples[group][label] += 1
        methods[(group, label)][method] += 1
    us_by_group = {name: us for name, _, us in groups}
    for group in [name for name, _, _ in groups] + ["other threads"]:
        counts = samples.get(group)
        if not counts:
            continue
        total = sum(counts.values())
        us = us_by_group.get(group)
        header = f"{group}: {total} samples" + (f", {us:.1f} us CPU per recommendation" if us is not None else "")
        print(header)
        for label, count in counts.most_common():
            share = count / total
            cost = f"{share * us:8.1f} us" if us is not None else ""
            print(f"  {label:40s} {share * 100:5.1f} % {cost}")
            for method, n in methods[(group, label)].most_common(args.detail):
                print(f"      {n * 100 / total:5.1f} %  {method}")
        print()


if __name__ == "__main__":
    sys.exit(main())
