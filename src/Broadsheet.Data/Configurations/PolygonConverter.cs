using Broadsheet.Core.Model;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Broadsheet.Data;

/// <summary>Stores a polygon as its compact text form, "x,y x,y …", which every provider handles.</summary>
internal sealed class PolygonConverter() : ValueConverter<Polygon, string>(p => p.ToString(), s => Polygon.Parse(s));
