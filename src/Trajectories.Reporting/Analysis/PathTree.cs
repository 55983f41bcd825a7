using Trajectories.Analysis.Publication;

namespace Trajectories.Reporting.Analysis;

/// <summary>
/// The tables arranged by their JSON paths (<see cref="TableDeclaration.JsonPath"/>): one node per path step, in
/// first-seen order, holding the table that sits there. Shared by the results.json writer and its schema, so the
/// document and the schema nest the same way.
/// </summary>
/// <typeparam name="T">What a node holds (a table, or its declaration).</typeparam>
internal sealed class PathTree<T>
    where T : class
{
    /// <summary>The named children, in first-seen order.</summary>
    public List<(string Name, PathTree<T> Child)> Children { get; } = [];

    /// <summary>The table at this node, if any.</summary>
    public T? Table { get; private set; }

    /// <summary>Arranges <paramref name="tables"/> by their paths.</summary>
    public static PathTree<T> Of(IEnumerable<T> tables, Func<T, TableDeclaration> declaration)
    {
        var root = new PathTree<T>();
        foreach (var table in tables)
        {
            var path = declaration(table).JsonPath;
            var node = path.Aggregate(root, (n, step) => n.Child(step));
            if (node.Table is not null)
            {
                throw new InvalidOperationException($"tables {declaration(node.Table).Name} and {declaration(table).Name} share the JSON path {string.Join('.', path)}.");
            }

            node.Table = table;
        }

        return root;
    }

    private PathTree<T> Child(string name)
    {
        foreach (var (n, c) in Children)
        {
            if (n == name)
            {
                return c;
            }
        }

        var node = new PathTree<T>();
        Children.Add((name, node));
        return node;
    }
}
