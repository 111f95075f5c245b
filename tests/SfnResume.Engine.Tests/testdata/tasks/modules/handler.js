// Handler that requires files beside it: a helper module, a JSON file and a folder with index.js.
const greet = require('./greet');
const config = require('./config.json');
const lib = require('./lib');

let calls = 0;

exports.handler = async (event) => {
  calls += 1;
  return { text: greet(event.name), stage: config.stage, twice: lib.twice(calls), calls };
};
