// Stand-in for return_bytes_str.py: the Python function returns the bytes b'"HelloWorld!"', which Lambda sends
// as the raw body, so the caller reads the JSON string "HelloWorld!".
exports.handler = async () => 'HelloWorld!';
