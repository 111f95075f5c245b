export const lambdaHandler = async (event) => {
  if (event.amount == null) {
    throw new Error('amount is missing');
  }
  return { ...event, charged: event.amount, stage: process.env.STAGE };
};
