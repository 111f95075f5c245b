-- sfn-resume local state, schema version 1.
-- Never edit this file once it has shipped: add 0002_*.sql instead (SchemaMigrator runs them in order).
-- Instants are INTEGER milliseconds since the Unix epoch (the precision AWS reports); JSON is TEXT.

CREATE TABLE state_machines (
    id                        INTEGER PRIMARY KEY,          -- listing order (ListStateMachines pages by it)
    arn                       TEXT    NOT NULL UNIQUE,
    name                      TEXT    NOT NULL,
    type                      TEXT    NOT NULL CHECK (type IN ('STANDARD', 'EXPRESS')),
    status                    TEXT    NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DELETING')),
    creation_date             INTEGER NOT NULL,
    update_date               INTEGER NOT NULL,
    description               TEXT
);

-- Every definition a machine ever had, immutable. The current one is the machine's newest row; executions
-- point at the exact row they ran with (DescribeStateMachineForExecution, redrive).
CREATE TABLE definition_versions (
    id                        INTEGER PRIMARY KEY,
    state_machine_arn         TEXT    NOT NULL REFERENCES state_machines (arn) ON DELETE CASCADE,
    revision_id               TEXT    NOT NULL UNIQUE,
    definition                TEXT    NOT NULL,
    role_arn                  TEXT    NOT NULL,
    logging_configuration     TEXT,
    tracing_configuration     TEXT,
    encryption_configuration  TEXT,
    created                   INTEGER NOT NULL,
    version_number            INTEGER,                      -- set when published (PublishStateMachineVersion)
    version_description       TEXT,
    UNIQUE (state_machine_arn, version_number)
);
CREATE INDEX definition_versions_by_machine ON definition_versions (state_machine_arn, id);

CREATE TRIGGER definition_versions_immutable BEFORE UPDATE OF
    state_machine_arn, revision_id, definition, role_arn, logging_configuration, tracing_configuration,
    encryption_configuration, created ON definition_versions
BEGIN
    SELECT RAISE(ABORT, 'definition versions are immutable');
END;

CREATE TABLE executions (
    id                        INTEGER PRIMARY KEY,          -- newest first in ListExecutions = id descending
    arn                       TEXT    NOT NULL UNIQUE,
    state_machine_arn         TEXT    NOT NULL REFERENCES state_machines (arn) ON DELETE CASCADE,
    definition_version_id     INTEGER NOT NULL REFERENCES definition_versions (id),
    name                      TEXT    NOT NULL,
    type                      TEXT    NOT NULL CHECK (type IN ('STANDARD', 'EXPRESS')),
    status                    TEXT    NOT NULL CHECK (status IN
                                  ('RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE')),
    input                     TEXT    NOT NULL,
    output                    TEXT,
    error                     TEXT,
    cause                     TEXT,
    start_date                INTEGER NOT NULL,
    stop_date                 INTEGER,
    redrive_count             INTEGER NOT NULL DEFAULT 0,
    redrive_date              INTEGER,
    trace_header              TEXT,
    state_machine_version_arn TEXT,
    state_machine_alias_arn   TEXT,
    parent_execution_arn      TEXT,
    map_run_arn               TEXT
);
CREATE INDEX executions_by_machine ON executions (state_machine_arn, id);
CREATE INDEX executions_by_machine_status ON executions (state_machine_arn, status, id);
CREATE INDEX executions_by_map_run ON executions (map_run_arn, id) WHERE map_run_arn IS NOT NULL;
CREATE INDEX executions_running ON executions (id) WHERE status = 'RUNNING';

-- The history: one row per event, only ever appended (history-events.md; STYLE.md principle 15).
-- A rowid table (not WITHOUT ROWID): rows of about 1 KB are appended at the end of the table b-tree, and only the
-- small (execution_arn, event_id) key goes into the primary-key index that paging reads.
CREATE TABLE events (
    execution_arn             TEXT    NOT NULL REFERENCES executions (arn) ON DELETE CASCADE,
    event_id                  INTEGER NOT NULL CHECK (event_id >= 1),
    type                      TEXT    NOT NULL,
    timestamp                 INTEGER NOT NULL,
    json                      TEXT    NOT NULL,
    PRIMARY KEY (execution_arn, event_id)
);

CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'history events are append-only');
END;

-- Rows go only with their execution (cascade from executions, when a machine or an expired execution is removed).
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
WHEN EXISTS (SELECT 1 FROM executions WHERE arn = OLD.execution_arn)
BEGIN
    SELECT RAISE(ABORT, 'history events are append-only');
END;

-- RedriveExecution clientToken answers (AWS honours the last 10 tokens for 15 minutes).
CREATE TABLE redrive_tokens (
    execution_arn             TEXT    NOT NULL REFERENCES executions (arn) ON DELETE CASCADE,
    client_token              TEXT    NOT NULL,
    redrive_date              INTEGER NOT NULL,
    PRIMARY KEY (execution_arn, client_token)
) WITHOUT ROWID;

-- Tags of state machines and activities (no foreign key: either kind of resource).
CREATE TABLE tags (
    resource_arn              TEXT    NOT NULL,
    key                       TEXT    NOT NULL,
    value                     TEXT    NOT NULL,
    PRIMARY KEY (resource_arn, key)
) WITHOUT ROWID;

-- Deployed stacks (CloudFormation/SAM templates run by `deploy`).
CREATE TABLE stacks (
    name                      TEXT    PRIMARY KEY,
    stack_id                  TEXT    NOT NULL UNIQUE,
    template_hash             TEXT    NOT NULL,
    resources                 TEXT    NOT NULL,             -- JSON
    parameters                TEXT,                         -- JSON
    outputs                   TEXT,                         -- JSON
    created                   INTEGER NOT NULL,
    updated                   INTEGER NOT NULL
) WITHOUT ROWID;

-- Lambda functions the local engine can invoke; a stack's functions go with the stack.
CREATE TABLE functions (
    name                      TEXT    PRIMARY KEY,
    arn                       TEXT    NOT NULL UNIQUE,
    runtime                   TEXT    NOT NULL,
    handler                   TEXT    NOT NULL,
    code_text                 TEXT,
    code_path                 TEXT,
    environment               TEXT,                         -- JSON object
    timeout_seconds           INTEGER NOT NULL DEFAULT 3 CHECK (timeout_seconds > 0),
    stack_name                TEXT    REFERENCES stacks (name) ON DELETE CASCADE,
    created                   INTEGER NOT NULL,
    updated                   INTEGER NOT NULL,
    CHECK ((code_text IS NULL) <> (code_path IS NULL))
) WITHOUT ROWID;
CREATE INDEX functions_by_stack ON functions (stack_name) WHERE stack_name IS NOT NULL;
