using System.Collections.Concurrent;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// The items that in-flight TransactWriteItems hold, across every table of an engine. A transaction
/// holds all its items before it takes its tables' locks and keeps them until it has applied its
/// writes, so a request that meets a held item while the transaction runs is refused with
/// TransactionConflict, as DynamoDB refuses it, instead of waiting for the transaction.
/// </summary>
/// <remarks>
/// Holds only signal the conflict; the tables' locks still decide what each request reads and
/// writes. Taking a transaction's holds is all or nothing under one lock, so two transactions never
/// hold parts of each other's items; reads of the holds take no lock.
/// </remarks>
internal sealed class ItemHolds
{
    private readonly ConcurrentDictionary<(Table Table, PrimaryKey Key), Hold> _held = new();
    private readonly Lock _taking = new();
    private int _holds;

    /// <summary>Whether an in-flight transaction holds the item.</summary>
    public bool IsHeld(Table table, in PrimaryKey key) => Volatile.Read(ref _holds) > 0 && _held.ContainsKey((table, key));

    /// <summary>
    /// Holds every item of <paramref name="items"/> for one transaction, or none of them: the result
    /// is null and <paramref name="conflicts"/> has the positions of the items another transaction holds.
    /// </summary>
    public Hold? TryHold(IReadOnlyList<(Table Table, PrimaryKey Key)> items, out List<int> conflicts)
    {
        conflicts = [];
        lock (_taking)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (_held.ContainsKey(items[i]))
                {
                    conflicts.Add(i);
                }
            }
            if (conflicts.Count > 0)
            {
                return null;
            }
            var hold = new Hold(this, items);
            foreach (var item in items)
            {
                _held[item] = hold;
            }
            Interlocked.Increment(ref _holds);
            return hold;
        }
    }

    /// <summary>One transaction's items; disposing releases them (once).</summary>
    public sealed class Hold(ItemHolds owner, IReadOnlyList<(Table Table, PrimaryKey Key)> items) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }
            lock (owner._taking)
            {
                foreach (var item in items)
                {
                    owner._held.TryRemove(new KeyValuePair<(Table, PrimaryKey), Hold>(item, this));
                }
                Interlocked.Decrement(ref owner._holds);
            }
        }
    }
}
