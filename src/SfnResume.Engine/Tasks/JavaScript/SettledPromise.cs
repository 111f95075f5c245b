using System.Linq.Expressions;
using System.Reflection;
using Jint.Native;
using Jint.Native.Object;
using JsEngine = Jint.Engine;

namespace SfnResume.Engine.Tasks.JavaScript;

/// <summary>
/// Reads a promise that has already settled, when nothing else is waiting in the engine's job queue. The Node.js runtime
/// settles an invocation in a reaction it attaches with <c>then</c>; that reaction runs after the jobs queued before it.
/// With none queued it runs first and reports what the settled promise already holds, so reading the promise gives the
/// same outcome without building the reaction, its derived promise and its job.
/// </summary>
/// <remarks>Jint keeps a promise's state and its job queue internal (<c>JsPromise.State</c>, <c>JsPromise.Value</c>,
/// <c>Engine.EventLoop.IsEmpty</c>); the accessors are compiled once. When a Jint version lacks them,
/// <see cref="IsAvailable"/> is false and every promise settles through a reaction.</remarks>
internal static class SettledPromise
{
    private static readonly Accessors? s_accessors = Bind();

    public static bool IsAvailable => s_accessors is not null;

    /// <summary>True when <paramref name="promise"/> (a native promise: <see cref="Jint.JsValueExtensions.IsPromise"/>) has
    /// settled and the engine has no job queued; <paramref name="fulfilled"/> tells how, <paramref name="value"/> is its
    /// value or reason.</summary>
    public static bool TryRead(JsEngine engine, ObjectInstance promise, out bool fulfilled, out JsValue value)
    {
        fulfilled = false;
        value = JsValue.Undefined;
        if (s_accessors is not { } access)
        {
            return false;
        }

        var state = access.State(promise);
        if ((state != access.Fulfilled && state != access.Rejected) || !access.QueueIsEmpty(engine))
        {
            return false;
        }

        fulfilled = state == access.Fulfilled;
        value = access.Value(promise);
        return true;
    }

    private static Accessors? Bind()
    {
        const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var jint = typeof(JsEngine).Assembly;
        var promiseType = jint.GetType("Jint.Native.JsPromise");
        var stateType = jint.GetType("Jint.Native.Promise.PromiseState");
        var stateProperty = promiseType?.GetProperty("State", Instance);
        var valueProperty = promiseType?.GetProperty("Value", Instance);
        var loopProperty = typeof(JsEngine).GetProperty("EventLoop", Instance);
        var isEmpty = loopProperty?.PropertyType.GetProperty("IsEmpty", Instance);
        if (promiseType is null || stateType is not { IsEnum: true } || stateProperty?.PropertyType != stateType
            || valueProperty?.PropertyType != typeof(JsValue) || isEmpty?.PropertyType != typeof(bool)
            || !Enum.TryParse(stateType, "Fulfilled", out var fulfilled) || !Enum.TryParse(stateType, "Rejected", out var rejected))
        {
            return null;
        }

        // Compiled expressions may read non-public members; the delegates cost an ordinary call.
        var promise = Expression.Parameter(typeof(ObjectInstance), "promise");
        var asPromise = Expression.Convert(promise, promiseType);
        var engine = Expression.Parameter(typeof(JsEngine), "engine");
        return new Accessors(
            Expression.Lambda<Func<ObjectInstance, int>>(
                Expression.Convert(Expression.Property(asPromise, stateProperty), typeof(int)), promise).Compile(),
            Expression.Lambda<Func<ObjectInstance, JsValue>>(Expression.Property(asPromise, valueProperty), promise).Compile(),
            Expression.Lambda<Func<JsEngine, bool>>(Expression.Property(Expression.Property(engine, loopProperty!), isEmpty), engine).Compile(),
            Convert.ToInt32(fulfilled, System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt32(rejected, System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed record Accessors(
        Func<ObjectInstance, int> State,
        Func<ObjectInstance, JsValue> Value,
        Func<JsEngine, bool> QueueIsEmpty,
        int Fulfilled,
        int Rejected);
}
