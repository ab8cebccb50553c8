import { render, Text } from 'ink';

// The baseline for bench:startup: the least an Ink program can do, bundled like claimscope.
const instance = render(<Text>claimscope-bench-ready</Text>);
setTimeout(() => instance.unmount(), 10_000);
