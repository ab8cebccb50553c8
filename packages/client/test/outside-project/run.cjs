// A CommonJS consumer: `require` loads the ES module build (Node 20.19+ `require(esm)`).
const { createClaimscopeClient } = require('@claimscope/client');

async function main(url) {
  const claimscope = createClaimscopeClient({ url });
  const { items } = await claimscope.entity.list.query({ kind: 'person', limit: 1 });
  const stats = await claimscope.stats.query();
  return { firstPerson: items[0]?.name, totalClaims: stats.claims.total };
}

main(process.argv[2]).then(
  (result) => console.log(JSON.stringify(result)),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
