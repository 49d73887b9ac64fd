#!/usr/bin/env python3
"""CPU per recommendation by component, from a JFR recording's jdk.ExecutionSample stacks or from
async-profiler's collapsed stacks.

    bench/jfr-breakdown.py RECORDING.jfr [--group NAME=THREAD_PREFIX=US_PER_RECOMMENDATION ...]
                           [--between START,END ...] [--detail N]
    bench/jfr-breakdown.py PROFILE.collapsed [--group ...] [--detail N]

A file whose name ends in .collapsed is async-profiler's output with the threads option
(collapsed,threads: "[thread name tid=N];root frame;...;top frame COUNT" per line, as
bench/cpu-breakdown.sh PROFILER=async writes it); it has no times, so --between does not apply.

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
import re
import subprocess
import sys

# The names collapsed_samples gives kernel and JVM frames, so that COMPONENTS can match them.
KERNEL = "kernel::"
JVM = "jvm::"
# async-profiler's frame annotations (ann: _[j] compiled, _[i] inlined, _[0] interpreted, _[1] C1,
# _[k] kernel) and the thread frame "[name tid=N]".
ANNOTATION = re.compile(r"_\[([a-z0-9])\]$")
THREAD_FRAME = re.compile(r"^\[(.*) tid=\d+\]$")

# First match wins, from the top of the stack down: put the narrower prefixes first.
COMPONENTS = [
    # Only in async-profiler's stacks (JFR samples Java frames alone): the kernel's frames (system
    # calls, the scheduler, the network stack) and the JVM's own C++ code above the Java frames
    # (allocation slow paths, locks, stubs), each charged apart from the Java code that led to it.
    (KERNEL, "kernel"),
    (JVM, "JVM runtime (allocation, locks, stubs)"),
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


def component(frames):
    """The component a sample is charged to, and the frame that decided it (the top frame when none).
    frames: "package.Class.method" names, top of the stack first. A sample in the kernel is
    told apart by what entered it: the native frame under the kernel's and the frame that decides
    the rest of the stack's component (e.g. a futex wait under Decision.awaitRecorded)."""
    if frames and frames[0].startswith(KERNEL):
        rest = [frame for frame in frames if not frame.startswith(KERNEL)]
        if rest:
            caller = component([frame for frame in rest if not frame.startswith(JVM)])[1]
            return "kernel", caller if caller == rest[0] else rest[0] + " <- " + caller
    for frame in frames:
        for prefix, label in COMPONENTS:
            if frame.startswith(prefix):
                return label, frame
    return "JDK / other", frames[0] if frames else "?"


def top_java_interpreted(line_frames):
    """Whether the Java frame nearest the top of a collapsed stack (root first) runs interpreted."""
    for frame in reversed(line_frames):
        annotation = ANNOTATION.search(frame)
        if annotation and annotation.group(1) != "k":
            return annotation.group(1) == "0"
    return False


def jfr_samples(recording, windows):
    """(thread name, frames top first, count, top frame interpreted) per jdk.ExecutionSample, within
    the windows if any."""
    printed = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events", "jdk.ExecutionSample",
                              recording], check=True, capture_output=True, text=True).stdout
    for event in json.loads(printed)["recording"]["events"]:
        values = event["values"]
        if windows:
            taken = datetime.datetime.fromisoformat(values["startTime"].replace("Z", "+00:00")).timestamp()
            if not any(start <= taken <= end for start, end in windows):
                continue
        thread = values["sampledThread"]["javaName"] or values["sampledThread"]["osName"] or "?"
        frames = values["stackTrace"]["frames"] if values["stackTrace"] else []
        names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
        yield thread, names, 1, bool(frames) and frames[0].get("type") == "Interpreted"


def collapsed_frame(frame):
    """A collapsed frame as a "package.Class.method" name; kernel frames and the JVM's C++ frames
    (Class::method, JVM_, Unsafe_, jni_) get the KERNEL and JVM prefixes; other native frames (libc,
    the itable and vtable stubs of a virtual call) stay as they are and so count for their Java
    caller."""
    annotation = ANNOTATION.search(frame)
    if annotation:
        name = frame[:annotation.start()]
        return KERNEL + name if annotation.group(1) == "k" else name.replace("/", ".")
    if "::" in frame or frame.startswith(("JVM_", "Unsafe_", "jni_")):
        return JVM + frame
    return frame


def collapsed_samples(path):
    """(thread name, frames top first, count, top Java frame interpreted) per line of async-profiler's
    collapsed,threads,ann output."""
    with open(path) as lines:
        for line in lines:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            if not stack:
                continue
            frames = stack.split(";")
            thread = THREAD_FRAME.match(frames[0])
            if thread:
                frames = frames[1:]
            yield ((thread.group(1) if thread else "?"), [collapsed_frame(f) for f in reversed(frames)], int(count),
                   top_java_interpreted(frames))


def thread_group(thread_name, groups):
    for name, prefix, _ in groups:
        if thread_name.startswith(prefix):
            return name
    return "other threads"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("recording")
    parser.add_argument("--group", action="append", default=[],
                        help="NAME=THREAD_PREFIX=US_PER_RECOMMENDATION, e.g. requests=http-nio=95.2; a NAME given"
                             " again adds a thread prefix to it")
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
    if args.recording.endswith(".collapsed"):
        if windows:
            parser.error("--between needs a JFR recording: collapsed stacks carry no times")
        stacks = collapsed_samples(args.recording)
    else:
        stacks = jfr_samples(args.recording, windows)
    samples = collections.defaultdict(collections.Counter)
    methods = collections.defaultdict(collections.Counter)
    interpreted = collections.Counter()
    for thread, frames, count, in_interpreter in stacks:
        group = thread_group(thread, groups)
        interpreted[group] += count if in_interpreter else 0
        label, method = component(frames)
        samples[group][label] += count
        methods[(group, label)][method] += count
    us_by_group = {name: us for name, _, us in groups}
    # A group may be given several thread prefixes (GC Thread, G1 ...): one --group each.
    for group in list(dict.fromkeys(name for name, _, _ in groups)) + ["other threads"]:
        counts = samples.get(group)
        if not counts:
            continue
        total = sum(counts.values())
        us = us_by_group.get(group)
        header = f"{group}: {total} samples" + (f", {us:.1f} us CPU per recommendation" if us is not None else "")
        header += f" (top Java frame interpreted in {interpreted[group] * 100 / total:.1f} % of them)"
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
