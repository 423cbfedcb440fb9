//! The duplicate guard on entity names: a name or alias that an existing entity already has
//! (compared with [`fold_name`]: case, accents and punctuation aside) names that entity, and
//! adding a second entity under it would split its edges between two twins.

use super::EditError;
use crate::model::Id;
use crate::store::Files;
use crate::text::fold_name;
use crate::text::quoted;

/// An existing entity that already has a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameClash {
    /// The entity that has it.
    pub id: Id,
    /// Its name or alias that folds like the one asked about.
    pub has: String,
    /// Whether `has` is the entity's name (else one of its aliases).
    pub is_name: bool,
    /// The file the entity is in.
    pub file: String,
}

/// The entity other than `except` whose name or one of whose aliases folds like `name`
/// (the first in file order), if any.
pub fn entity_named(files: &Files, name: &str, except: Option<&Id>) -> Option<NameClash> {
    let wanted = fold_name(name);
    if wanted.is_empty() {
        return None;
    }
    for f in &files.files {
        for e in &f.data.entities {
            if Some(&e.id) == except {
                continue;
            }
            let names =
                std::iter::once((&e.name, true)).chain(e.aliases.iter().map(|a| (a, false)));
            for (has, is_name) in names {
                if fold_name(has) == wanted {
                    return Some(NameClash {
                        id: e.id.clone(),
                        has: has.clone(),
                        is_name,
                        file: f.name(),
                    });
                }
            }
        }
    }
    None
}

/// Refuses (exit 1) when one of `names` is already an entity's name or alias, naming that
/// entity and what to do instead.
pub fn ensure_names_free<'a>(
    files: &Files,
    names: impl IntoIterator<Item = &'a str>,
    except: Option<&Id>,
) -> Result<(), EditError> {
    for name in names {
        if let Some(c) = entity_named(files, name, except) {
            return Err(name_taken(name, &c));
        }
    }
    Ok(())
}

/// The refusal of `name`, which entity `c.id` already has.
pub(super) fn name_taken(name: &str, c: &NameClash) -> EditError {
    let what = if c.is_name { "name" } else { "alias" };
    EditError::Refused(format!(
        "{} is already the {what} of entity {} ({}, in {}; names are compared without case, accents and punctuation): \
         use {} for it, or pass --force if they are two different entities",
        quoted(name),
        quoted(c.id.as_str()),
        quoted(&c.has),
        c.file,
        quoted(c.id.as_str()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::tests::split;

    #[test]
    fn names_and_aliases_clash_without_case_accents_or_punctuation() {
        let f = split();
        let c = entity_named(&f, "national intelligence SERVICE", None).unwrap();
        assert_eq!((c.id.as_str(), c.is_name), ("nis", true));
        let c = entity_named(&f, "N.I.S.", None).unwrap();
        assert_eq!((c.has.as_str(), c.is_name), ("NIS", false));
        assert!(entity_named(&f, "NIS", Some(&Id::new("nis").unwrap())).is_none());
        assert!(entity_named(&f, "Pyongyang Times", None).is_none());
        let e = ensure_names_free(&f, ["Pyongyang"], None)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("\"Pyongyang\" is already the alias of entity \"nk\" (\"Pyongyang\", in g/entities.json"),
            "{e}"
        );
    }
}
