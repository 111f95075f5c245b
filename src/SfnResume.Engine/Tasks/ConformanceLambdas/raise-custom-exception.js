// Stand-in for raise_custom_exception.py: raise CustomException() with no message, reported by the Python runtime
// with errorType "CustomException" and an empty errorMessage.
exports.handler = async () => {
  const error = new Error('');
  error.name = 'CustomException';
  error.stackTrace = ['  File "/var/task/handler.py", line 9, in handler\n    raise CustomException()\n'];
  throw error;
};
