// Stand-in for id_function.py: returns the event unchanged.
exports.handler = async (event) => event;
