// Stand-in for large_output_string.py: returns 257 KiB of 'a', over the 256 KiB payload limit
// (Step Functions then fails the task with States.DataLimitExceeded).
exports.handler = async () => 'a'.repeat(257 * 1024);
