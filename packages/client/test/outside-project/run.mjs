import { main } from './out/usage.js';

console.log(JSON.stringify(await main(process.argv[2])));
