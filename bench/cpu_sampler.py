#!/usr/bin/env python3
"""CPU accounting for the bench scripts (Linux /proc, no dependencies).

  cpu_sampler.py SAMPLES CMD...            run CMD, append "epoch_us cpu_us" of its process tree every 100 ms
  cpu_sampler.py --window SAMPLES REPORT   CPU µs per request inside the report's measurement window

A run's own CPU includes start-up, JIT and warm-up; the window figure is the steady state the goal is about.
"""
import json, os, subprocess, sys, time

TICK_US = 1e6 / os.sysconf('SC_CLK_TCK')


def tree_cpu_us(root):
    total, todo, seen = 0.0, [root], set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) * TICK_US  # utime, stime
            for task in os.listdir(f'/proc/{pid}/task'):
                for child in open(f'/proc/{pid}/task/{task}/children').read().split():
                    todo.append(int(child))
        except (FileNotFoundError, ProcessLookupError, IndexError):
            pass
    return total


def sample(path, cmd):
    proc = subprocess.Popen(cmd)
    with open(path, 'w') as out:
        while proc.poll() is None:
            out.write(f'{time.time() * 1e6:.0f} {tree_cpu_us(proc.pid):.0f}\n')
            out.flush()
            time.sleep(0.1)
    return proc.returncode


def window(path, report):
    samples = [tuple(map(float, line.split())) for line in open(path) if len(line.split()) == 2]
    step = json.load(open(report))['steps'][0]
    model = step['models'][0]
    start, end = model['window']['startEpochMicros'], model['window']['endEpochMicros']

    def at(t):  # CPU at time t, interpolated between samples
        before = [s for s in samples if s[0] <= t]
        after = [s for s in samples if s[0] >= t]
        if not before or not after:
            return None
        (t0, c0), (t1, c1) = before[-1], after[0]
        return c0 if t1 == t0 else c0 + (c1 - c0) * (t - t0) / (t1 - t0)

    c0, c1 = at(start), at(end)
    requests = model['requestThroughput'] * model['windowSeconds']
    if c0 is None or c1 is None or requests <= 0:
        print('nan')
    else:
        print(f'{(c1 - c0) / requests:.1f}')


if __name__ == '__main__':
    if sys.argv[1] == '--window':
        window(sys.argv[2], sys.argv[3])
    else:
        sys.exit(sample(sys.argv[1], sys.argv[2:]))
