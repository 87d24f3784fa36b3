using Levity.Client;

namespace Levity.Tests.Client;

public sealed class TableWriterTests
{
    [Fact]
    public void Rows_PaddedToWidestCell_NumbersRightAligned_NoTrailingSpaces()
    {
        var table = new TableWriter("TX", "ID TAG", "ENERGY kWh", "LABEL").AlignRight(0, 2);
        table.Add("7", "H7", "12.345", "House 7");
        table.Add("1042", "LONGTAG01", "0.500", null);

        var lines = table.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
            [
                "  TX  ID TAG     ENERGY kWh  LABEL",
                "   7  H7             12.345  House 7",
                "1042  LONGTAG01       0.500  -",
            ],
            lines);
    }

    [Fact]
    public void Cells_EmptyBecomesDash_LineBreaksFlattened_WithoutHeaderAndIndented()
    {
        var table = new TableWriter("FIELD", "VALUE") { ShowHeader = false };
        table.Add("Label", "two\nlines");
        table.Add("Parent", "");
        var text = new System.Text.StringBuilder();

        table.WriteTo(text, "  ");

        Assert.Equal($"  Label   two lines{Environment.NewLine}  Parent  -{Environment.NewLine}", text.ToString());
    }

    [Fact]
    public void Add_WrongNumberOfCells_Throws()
    {
        var table = new TableWriter("A", "B");

        Assert.Throws<ArgumentException>(() => table.Add("only one"));
    }
}
