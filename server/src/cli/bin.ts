import { fail, EXIT } from './output.js';
import { main } from './main.js';

/** The `revive` executable: runs the program and sets the exit code (0 ok, 1 failure, 2 usage). */
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = fail(err, process.argv.includes('--json')) || EXIT.failure;
  },
);
