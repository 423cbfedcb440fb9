//! `add entity`, quick (see [`super`]): a new entity with a free, well-formed id, a
//! non-empty name, checked values and a `part_of` naming an existing entity cannot make a
//! valid graph invalid: nothing refers to it, so it closes no `part_of` cycle, and no rule
//! of docs/format.md §1 relates it to any record but its parent. When the graph's snapshot
//! matched the files before the edit, it is brought up to date with a patch naming the new
//! entity (see `crate::cache`), so that the claim queries and completion that read it stay
//! warm.

use super::Target;
use super::{entities_by_file, insert_record, new_id, target};
use crate::cache::Added;
use crate::edit::add::non_empty;
use crate::edit::names::name_taken;
use crate::edit::{resolve_in, EditError, NameClash, NewEntity, Placed, Want};
use crate::export::json::to_canonical_string;
use crate::graph::ClaimGraph;
use crate::load;
use crate::model::{Entity, GraphFile, Id};
use crate::store::{Quick, Read};
use crate::text::fold_name;
use std::path::{Path, PathBuf};

/// `add entity` without parsing the files for editing, when the graph is valid and the
/// target file has entities to place the new one among ([`Quick::Full`] otherwise).
pub fn add_entity(
    read: Read<'_>,
    new: &NewEntity,
    file: Option<&Path>,
) -> Result<Quick<Placed>, EditError> {
    let Ok(g) = load::from_sources(read.sources) else {
        return Ok(Quick::Full);
    };
    let files = entities_by_file(&g, read.sources.len());
    let entity = checked(&g, read, &files, new)?;
    let target = place(&g, &files, read, &entity, file)?;
    let placed = |path: PathBuf| Placed {
        id: entity.id.clone(),
        path,
    };
    match target {
        // A file the reading did not see is there after all: let the full path judge.
        Target::New(path) if path.exists() => Ok(Quick::Full),
        Target::New(path) => {
            let file = GraphFile {
                entities: vec![entity.clone()],
                ..GraphFile::default()
            };
            let bytes = to_canonical_string(&file).into_bytes();
            Ok(Quick::Create {
                value: placed(path.clone()),
                path,
                bytes,
            })
        }
        Target::Existing(f) => {
            let ids: Vec<&Id> = files[f].iter().map(|e| &e.id).collect();
            let added = Added::Entity {
                id: entity.id.to_string(),
                name: entity.name.clone(),
                tags: entity.tags.iter().map(|t| t.to_string()).collect(),
            };
            let ids = (&ids[..], &entity.id);
            Ok(insert_record(read, (f, "entities"), ids, &entity, added))
        }
    }
}

/// The new entity, after the checks of [`super::add_entity`] in its order.
fn checked(
    g: &ClaimGraph,
    read: Read<'_>,
    files: &[Vec<&Entity>],
    new: &NewEntity,
) -> Result<Entity, EditError> {
    let names: Vec<&str> = read.sources.iter().map(|s| s.name.as_str()).collect();
    non_empty(&new.name, "the name")?;
    if !new.force {
        for name in std::iter::once(new.name.as_str()).chain(new.aliases.iter().map(String::as_str))
        {
            if let Some(c) = entity_named(files, &names, name) {
                return Err(name_taken(name, &c));
            }
        }
    }
    let kind = new
        .kind
        .ok_or_else(|| EditError::Usage("an entity needs --kind".into()))?;
    let id = new_id(g, read, new.id.as_deref(), (&new.name, "name"))?;
    let part_of = new
        .part_of
        .as_deref()
        .map(|p| resolve_in(g, p, Want::Entity))
        .transpose()?;
    let mut tags = new.tags.clone();
    tags.dedup();
    Ok(Entity {
        id,
        name: new.name.clone(),
        kind,
        tags,
        part_of,
        aliases: new.aliases.clone(),
        reliability: new.reliability,
        note: new.note.clone(),
    })
}

/// The entity other than none whose name or an alias folds like `name`, the first in file
/// order (as [`super::entity_named`] finds it).
fn entity_named(files: &[Vec<&Entity>], names: &[&str], name: &str) -> Option<NameClash> {
    let wanted = fold_name(name);
    if wanted.is_empty() {
        return None;
    }
    for (f, entities) in files.iter().enumerate() {
        for e in entities {
            let all = std::iter::once((&e.name, true)).chain(e.aliases.iter().map(|a| (a, false)));
            for (has, is_name) in all {
                if fold_name(has) == wanted {
                    return Some(NameClash {
                        id: e.id.clone(),
                        has: has.clone(),
                        is_name,
                        file: names[f].to_string(),
                    });
                }
            }
        }
    }
    None
}

/// The file the new entity goes to, by the rule of [`crate::edit::place`] for an entity
/// touching its `part_of`.
fn place(
    g: &ClaimGraph,
    files: &[Vec<&Entity>],
    read: Read<'_>,
    entity: &Entity,
    file: Option<&Path>,
) -> Result<Target, EditError> {
    let held: Vec<usize> = files.iter().map(Vec::len).collect();
    let touched: Vec<&Id> = entity.part_of.iter().collect();
    // The files whose entities are the parent or part of it.
    let mentioning = |p: &Id| {
        let holds = |f: &Vec<&Entity>| {
            f.iter()
                .any(|e| &e.id == p || e.part_of.as_ref() == Some(p))
        };
        (0..files.len()).filter(|&f| holds(&files[f])).collect()
    };
    let mentions = || touched.iter().map(|p| mentioning(p)).collect();
    target(g, (read, file), &held, &touched, mentions)
}
