import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { useTheme } from './theme.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function Loading({ what }: { what: string }) {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), 120);
    return () => clearInterval(timer);
  }, []);
  return (
    <Box paddingX={1}>
      <Text>
        {FRAMES[frame]} Loading {what}…
      </Text>
    </Box>
  );
}

export function ErrorView({ message }: { message: string }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text {...theme.error}>✗ {message}</Text>
      <Text>
        Press <Text {...theme.key}>r</Text> to retry, <Text {...theme.key}>Esc</Text> to go back or{' '}
        <Text {...theme.key}>q</Text> to quit.
      </Text>
    </Box>
  );
}

export function EmptyView({ message, hint }: { message: string; hint?: string }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text>{message}</Text>
      {hint ? <Text {...theme.muted}>{hint}</Text> : null}
    </Box>
  );
}
