package build

// writeForms writes the project's form files (package forms) into the
// site, at the paths the pages link to.
func (p *Project) writeForms(out sink) error {
	for _, name := range p.forms.Files() {
		if err := out.Write(name, p.forms.Data(name)); err != nil {
			return err
		}
	}
	return nil
}
