#!/usr/bin/env python3
"""CPU accounting for the bench scripts (Linux /proc, no dependencies).

  cpu_sampler.py SAMPLES CMD...            run CMD, append "epoch_us cpu_us" of its process tree every 100 ms
  cpu_sampler.py --window SAMPLES REPORT   CPU µs per request inside the report's measurement window
  cpu_sampler.py --threads SAMPLES REPORT  how busy each thread of the tree (and the target, when CPU_SAMPLER_TARGET
                                           names its pid) was inside that window, in % of a core, busiest first

A run's own CPU includes start-up, JIT and warm-up; the window figure is the steady state the goal is about.
"""
import json, os, subprocess, sys, time

TICK_US = 1e6 / os.sysconf('SC_CLK_TCK')


def stat_cpu_us(path):
    fields = open(path).read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * TICK_US  # utime, stime


def tree_cpu_us(root, threads=None):
    """The tree's CPU; with a dict, each thread's CPU too, by 'tid name'."""
    total, todo, seen = 0.0, [root], set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            total += stat_cpu_us(f'/proc/{pid}/stat')
            for task in os.listdir(f'/proc/{pid}/task'):
                if threads is not None:
                    name = open(f'/proc/{pid}/task/{task}/comm').read().strip()
                    threads[f'{task} {name}'] = stat_cpu_us(f'/proc/{pid}/task/{task}/stat')
                for child in open(f'/proc/{pid}/task/{task}/children').read().split():
                    todo.append(int(child))
        except (FileNotFoundError, ProcessLookupError, IndexError):
            pass
    return total


def sample(path, cmd):
    target = os.environ.get('CPU_SAMPLER_TARGET')
    proc = subprocess.Popen(cmd)
    with open(path, 'w') as out, open(path + '.threads', 'w') as per_thread:
        while proc.poll() is None:
            now, threads = time.time() * 1e6, {}
            out.write(f'{now:.0f} {tree_cpu_us(proc.pid, threads):.0f}\n')
            if target:
                try:
                    threads['target'] = stat_cpu_us(f'/proc/{target}/stat')
                except (FileNotFoundError, ProcessLookupError):
                    pass
            per_thread.write(json.dumps({'t': now, 'cpu': threads}) + '\n')
            out.flush()
            per_thread.flush()
            time.sleep(0.1)
    return proc.returncode


def report_window(report):
    model = json.load(open(report))['steps'][0]['models'][0]
    return model['window']['startEpochMicros'], model['window']['endEpochMicros']


def busy_threads(path, report):
    """Each thread's share of a core between the first and last samples inside the window."""
    start, end = report_window(report)
    inside = [s for s in map(json.loads, open(path + '.threads')) if start <= s['t'] <= end]
    if len(inside) < 2:
        print('nan')
        return
    first, last = inside[0], inside[-1]
    span = last['t'] - first['t']
    shares = {name: (cpu - first['cpu'].get(name, 0.0)) * 100 / span for name, cpu in last['cpu'].items()}
    busy = sorted(((share, name.split(' ', 1)[-1]) for name, share in shares.items() if share >= 1), reverse=True)
    print(', '.join(f'{name} {share:.0f}%' for share, name in busy[:6]))


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
    elif sys.argv[1] == '--threads':
        busy_threads(sys.argv[2], sys.argv[3])
    else:
        sys.exit(sample(sys.argv[1], sys.argv[2:]))
