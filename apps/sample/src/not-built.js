// The sample app is not built yet: issue #9 builds it. Until then the main command says so plainly.
console.error('The b2bkit sample app is not built yet (issue #9). Nothing was run.')
process.exitCode = 1
