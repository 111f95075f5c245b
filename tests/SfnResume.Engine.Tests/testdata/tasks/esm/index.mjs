// An ES module handler importing a file beside it.
import { shout } from './shout.mjs';

let calls = 0;

export const handler = async (event) => {
  calls += 1;
  return { text: shout(event.text), calls };
};
