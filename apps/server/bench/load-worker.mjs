// autocannon in its own process: the load generator must not share the event loop of the server
// it measures (in the benchmark's thread its work delayed every response it timed). Plain
// JavaScript, started with fork(); autocannon changes how it reports inside a worker thread.
import autocannon from 'autocannon';

process.once('message', async (options) => {
  const result = await autocannon(options);
  process.send?.(
    {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
    },
    () => process.exit(0),
  );
});
