// Stand-in for wait_60_seconds.py: sleeps 60 s, then returns the event (used to trigger task timeouts).
exports.handler = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, 60000));
  return event;
};
