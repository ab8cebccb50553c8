import { defineConfig } from 'tsdown';

// The workspace packages are devDependencies, so their types are inlined into a self-contained
// .d.ts; @trpc/* and zod stay external (peers) for the consumer to resolve.
export default defineConfig({
  entry: ['src/index.ts'],
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
  dts: { eager: true },
  clean: true,
});
