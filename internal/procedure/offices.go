package procedure

import (
	"go.yaml.in/yaml/v3"

	"qrboard/internal/diag"
	"qrboard/internal/msg"
	"qrboard/internal/strictyaml"
	"qrboard/internal/value"
)

// Offices says which offices handle a procedure: a group word —
// "communes" (every commune and town), "district" (the district office)
// or "all" — or a list of office ids.
type Offices struct {
	Group Group
	IDs   []value.Ref
	Pos   diag.Pos
}

// Group is a set of offices chosen by kind.
type Group string

// Groups.
const (
	AllCommunes Group = "communes"
	DistrictOff Group = "district"
	AllOffices  Group = "all"
)

// UnmarshalStrict implements strictyaml.Unmarshaler.
func (o *Offices) UnmarshalStrict(d *strictyaml.Decoder, n *yaml.Node) {
	o.Pos = d.Pos(n)
	switch n.Kind {
	case yaml.ScalarNode:
		s, ok := d.Text(n)
		if !ok || s == "" {
			return
		}
		switch g := Group(s); g {
		case AllCommunes, DistrictOff, AllOffices:
			o.Group = g
		default:
			// A single office id written without a list is clear enough.
			o.IDs = []value.Ref{{ID: s, Pos: d.Pos(n)}}
		}
	case yaml.SequenceNode:
		for _, item := range n.Content {
			if s, ok := d.Text(item); ok && s != "" {
				o.IDs = append(o.IDs, value.Ref{ID: s, Pos: d.Pos(item)})
			}
		}
		if len(o.IDs) > 1000 {
			d.Error(n, msg.ListTooLong, "offices", len(o.IDs), 1000)
			o.IDs = nil
		}
	default:
		d.Error(n, msg.OfficesShape).WithHint(msg.HintOffices)
	}
}

// IsZero reports whether no office was named.
func (o Offices) IsZero() bool { return o.Group == "" && len(o.IDs) == 0 }
