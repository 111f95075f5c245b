// The seed template's SecondLambda (ResumeFromState.yaml, inline Code.ZipFile).
exports.handler = (event, context, callback) => {
    if (event.foo == null) {
        context.fail()
    }
    callback(null, event);
};
