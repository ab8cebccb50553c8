// The load generator, in its own process: it must not share the event loop of the server it
// measures (in the benchmark's thread its work delayed every response it timed). Plain
// JavaScript, started with fork(); autocannon changes how it reports inside a worker thread.
//
// Without `rate`: autocannon, each connection sending its next request as soon as the last is
// answered (a closed loop: at saturation its latency is mostly queueing, connections / req/s).
// With `rate`: an open loop at that many requests a second, evenly spaced, whatever the server
// does. autocannon's own rate limit sends each second's quota in a burst, and a closed loop
// stops sending while the server is slow, which hides the very delays it should count
// ("coordinated omission"); here each request's latency runs from when it was due.
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';

/** The p-th percentile (0–100) of sorted values, in whole milliseconds as autocannon reports. */
const percentile = (sorted, p) =>
  sorted.length === 0
    ? 0
    : Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);

function openLoop({ url, rate, duration, connections, requests }) {
  const base = new URL(url);
  const paths = requests?.map((r) => r.path) ?? [`${base.pathname}${base.search}`];
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  let errors = 0;
  let sent = 0;
  const total = Math.round(rate * duration);
  const started = performance.now();
  return new Promise((resolve) => {
    let pending = 0;
    let finished = false;
    const done = () => {
      if (finished || sent < total || pending > 0) return;
      finished = true;
      agent.destroy();
      const elapsed = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      resolve({
        rps: latencies.length / elapsed,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        errors,
      });
    };
    const send = (due) => {
      const path = paths[sent % paths.length];
      sent += 1;
      pending += 1;
      const req = request({ host: base.hostname, port: base.port, path, agent }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) errors += 1;
          latencies.push(performance.now() - due);
          pending -= 1;
          done();
        });
      });
      req.on('error', () => {
        errors += 1;
        pending -= 1;
        done();
      });
      req.end();
    };
    const tick = () => {
      const now = performance.now();
      // Every request due by now goes out, each timed from when it was due.
      while (sent < total && started + (sent * 1000) / rate <= now)
        send(started + (sent * 1000) / rate);
      if (sent < total) setTimeout(tick, Math.max(0, started + (sent * 1000) / rate - now));
      else done();
    };
    tick();
  });
}

process.once('message', async (options) => {
  let report;
  if (options.rate) report = await openLoop(options);
  else {
    const result = await autocannon(options);
    report = {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    };
  }
  process.send?.(report, () => process.exit(0));
});
