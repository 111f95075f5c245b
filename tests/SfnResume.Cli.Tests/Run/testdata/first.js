// The seed template's FirstLambda (ResumeFromState.yaml, inline Code.ZipFile).
exports.handler = (event, context, callback) => {
    event.Message = event.Message;
    callback(null, event);
};
