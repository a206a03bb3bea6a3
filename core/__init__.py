"""The ground floor that the validator (loaders/) and the display code share: the package descriptor, the checked
package value, problems, dates, derived figures and the data model's names. It imports neither."""
