#!/usr/bin/env python3
"""Busy time per method in a speedscope file from dotnet-trace (storefront-trace.sh, KEEP_TRACE, then
`dotnet-trace convert --format Speedscope`). Stacks whose innermost frame waits (semaphores, Monitor.Wait, socket
polls, reads) are idle and left out; the rest is each method's inclusive share of the busy time. With --callers
PATTERN it also names the frames just outside the first method matching PATTERN, with --callees those just inside.

    benchmarks/trace-callers.py /tmp/anonymous.speedscope.json [--top 60] [--match Middleware] [--callers Enter_Slowpath]
"""
import argparse, collections, json

IDLE = ("WaitForSignal", "Monitor.Wait", "WaitOneNoCheck", "Interop+Sys.Read", "EventLoop", "Sys.WaitForSocketEvents",
        "SleepInternal", "Thread.Sleep", "Missing Symbol", "Interop+Sys.Poll")

parser = argparse.ArgumentParser()
parser.add_argument("file")
parser.add_argument("--top", type=int, default=60)
parser.add_argument("--match", default="")
parser.add_argument("--callers", default="")
parser.add_argument("--callees", default="")
args = parser.parse_args()
data = json.load(open(args.file))
names = [f["name"] for f in data["shared"]["frames"]]
inclusive, callers, callees = collections.Counter(), collections.Counter(), collections.Counter()
busy = 0.0
for profile in data["profiles"]:
    stack, last = [], None
    for event in profile["events"]:
        if last is not None and stack and not any(w in names[stack[-1]] for w in IDLE):
            span = event["at"] - last
            busy += span
            for frame in set(stack):
                inclusive[frame] += span
            if args.callers:
                for depth, frame in enumerate(stack):
                    if args.callers in names[frame] and depth > 0:
                        callers[" <- ".join(names[f][:70] for f in reversed(stack[max(0, depth - 3):depth]))] += span
                        break
            if args.callees:
                for depth, frame in enumerate(stack):
                    if args.callees in names[frame]:
                        callees[names[stack[depth + 1]][:150] if depth + 1 < len(stack) else "(itself)"] += span
                        break
        last = event["at"]
        if event["type"] == "O":
            stack.append(event["frame"])
        else:
            while stack and stack.pop() != event["frame"]:
                pass
print(f"busy time {busy:.0f} ms over {len(data['profiles'])} threads")
rows = [(t, names[f]) for f, t in inclusive.items() if args.match in names[f]]
for t, name in sorted(rows, reverse=True)[: args.top]:
    print(f"{100 * t / busy:6.2f}%  {name[:150]}")
if args.callers:
    print(f"\ncallers of {args.callers}:")
    for chain, t in callers.most_common(15):
        print(f"{100 * t / busy:6.2f}%  {chain}")
if args.callees:
    print(f"\ninside {args.callees}:")
    for name, t in callees.most_common(15):
        print(f"{100 * t / busy:6.2f}%  {name}")
