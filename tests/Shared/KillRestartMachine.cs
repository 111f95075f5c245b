namespace SfnResume.Testing;

/// <summary>
/// The state machine the kill-and-restart tests run (the store's and the server's): three one-second waits keep
/// every execution in flight for about three seconds, and the Parallel runs a Lambda call (<c>double</c>) and a wait
/// side by side, so a kill can land with one branch done and the other still waiting.
/// </summary>
internal static class KillRestartMachine
{
    public const string Definition = """
        {"StartAt":"Begin","States":{
          "Begin":{"Type":"Pass","Parameters":{"value.$":"$.value","trail":["begin"]},"Next":"Pause1"},
          "Pause1":{"Type":"Wait","Seconds":1,"Next":"Double"},
          "Double":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:double","ResultPath":"$.doubled","Next":"Pause2"},
          "Pause2":{"Type":"Wait","Seconds":1,"Next":"Both"},
          "Both":{"Type":"Parallel","ResultPath":"$.both","Next":"Finish","Branches":[
            {"StartAt":"Left","States":{"Left":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:double","InputPath":"$.doubled","End":true}}},
            {"StartAt":"RightWait","States":{
              "RightWait":{"Type":"Wait","Seconds":1,"Next":"Right"},
              "Right":{"Type":"Pass","Parameters":{"right.$":"$.value"},"End":true}}}]},
          "Finish":{"Type":"Pass","Parameters":{"value.$":"$.value","doubled.$":"$.doubled.value","quadrupled.$":"$.both[0].value","right.$":"$.both[1].right"},"End":true}}}
        """;
}
