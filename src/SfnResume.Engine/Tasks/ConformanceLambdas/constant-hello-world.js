// Stand-in for echo_function.py: returns {"Return": "HelloWorld"} whatever the input.
exports.handler = async () => ({ Return: 'HelloWorld' });
