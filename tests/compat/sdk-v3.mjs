// Drives a Step Functions endpoint with the AWS SDK for JavaScript v3, as a user's code would.
// Usage: SFN_ENDPOINT=http://127.0.0.1:8083 node sdk-v3.mjs  (exit code 0 when every check holds)
import {
  SFNClient,
  CreateStateMachineCommand,
  StartExecutionCommand,
  DescribeExecutionCommand,
  StartSyncExecutionCommand,
  paginateGetExecutionHistory,
  paginateListExecutions,
} from "@aws-sdk/client-sfn";

const endpoint = process.env.SFN_ENDPOINT;
if (!endpoint) {
  console.error("SFN_ENDPOINT is not set");
  process.exit(2);
}

const client = new SFNClient({
  endpoint,
  region: "us-east-1",
  credentials: { accessKeyId: process.env.SFN_ACCESS_KEY ?? "test", secretAccessKey: process.env.SFN_SECRET_KEY ?? "test" },
  // StartSyncExecution carries the "sync-" host prefix, which a loopback address cannot take.
  disableHostPrefix: true,
  maxAttempts: 1,
});

function check(condition, message) {
  if (!condition) {
    throw new Error("check failed: " + message);
  }
}

const definition = JSON.stringify({
  StartAt: "A",
  States: {
    A: { Type: "Pass", Result: 1, ResultPath: "$.a", Next: "B" },
    B: { Type: "Pass", Result: 2, ResultPath: "$.b", Next: "C" },
    C: { Type: "Pass", Result: 3, ResultPath: "$.c", End: true },
  },
});
const roleArn = "arn:aws:iam::123456789012:role/compat";

async function main() {
  const created = await client.send(new CreateStateMachineCommand({ name: "compat-passes", definition, roleArn }));
  check(created.stateMachineArn.endsWith(":stateMachine:compat-passes"), "state machine ARN " + created.stateMachineArn);
  check(created.creationDate instanceof Date, "creationDate is a Date");

  const started = await client.send(new StartExecutionCommand({
    stateMachineArn: created.stateMachineArn, name: "compat-run", input: JSON.stringify({ start: true }),
  }));
  check(started.startDate instanceof Date, "startDate is a Date");

  // Poll until the execution closes (client-sfn ships no waiter for executions).
  let described;
  for (let i = 0; i < 200; i++) {
    described = await client.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    if (described.status !== "RUNNING") break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  check(described.status === "SUCCEEDED", "status " + described.status);
  check(JSON.stringify(JSON.parse(described.output)) === JSON.stringify({ start: true, a: 1, b: 2, c: 3 }), "output " + described.output);

  const events = [];
  for await (const page of paginateGetExecutionHistory({ client, pageSize: 2 }, { executionArn: started.executionArn })) {
    check(page.events.length <= 2, "page size");
    events.push(...page.events);
  }
  check(events.length >= 8, "history has " + events.length + " events");
  check(events[0].type === "ExecutionStarted" && events.at(-1).type === "ExecutionSucceeded", "history ends");
  check(events.every((e, i) => e.id === i + 1), "event ids run 1..n");
  check(events[0].timestamp instanceof Date, "timestamp is a Date");

  const listed = [];
  for await (const page of paginateListExecutions({ client, pageSize: 1 }, { stateMachineArn: created.stateMachineArn })) {
    listed.push(...page.executions);
  }
  check(listed.length === 1 && listed[0].executionArn === started.executionArn, "ListExecutions pages");

  const express = await client.send(new CreateStateMachineCommand({ name: "compat-express", definition, roleArn, type: "EXPRESS" }));
  const sync = await client.send(new StartSyncExecutionCommand({ stateMachineArn: express.stateMachineArn, input: "{}" }));
  check(sync.status === "SUCCEEDED", "sync status " + sync.status);

  const missing = started.executionArn.replace(":compat-run", ":does-not-exist");
  try {
    await client.send(new DescribeExecutionCommand({ executionArn: missing }));
    check(false, "DescribeExecution of a missing execution should fail");
  } catch (error) {
    check(error.name === "ExecutionDoesNotExist", "error name " + error.name);
    check(error.$metadata.httpStatusCode === 400, "error status " + error.$metadata.httpStatusCode);
    check(error.message === `Execution Does Not Exist: '${missing}'`, "error message " + error.message);
  }

  try {
    await client.send(new DescribeExecutionCommand({ executionArn: "not-an-arn" }));
    check(false, "DescribeExecution of a bad ARN should fail");
  } catch (error) {
    check(error.name === "InvalidArn", "error name " + error.name);
  }

  console.log(`ok: ${events.length} history events, ${listed.length} execution listed`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
