// Stand-in for raise_exception.py: fails as the Lambda Python runtime reports
// raise Exception("Some exception was raised."). An error with a `stackTrace` array is reported in the Python
// runtime's shape: {"errorMessage": ..., "errorType": ..., "requestId": ..., "stackTrace": [...]}.
exports.handler = async () => {
  const error = new Error('Some exception was raised.');
  error.name = 'Exception';
  error.stackTrace = ['  File "/var/task/handler.py", line 2, in handler\n    raise Exception("Some exception was raised.")\n'];
  throw error;
};
