//! What the files of a crate import from one another, as a graph of modules, and the
//! checks on it; see `no_import_cycles.rs`.

mod lex;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use lex::{is_ident, is_punct, lex, without_tests, Tok};

/// A module's path from the crate root: `grid/decide.rs` is `["grid", "decide"]`.
pub type Module = Vec<String>;

/// What one file says about the crate's modules.
#[derive(Default)]
pub struct File {
    rel: String,
    /// Submodules declared with `mod`.
    children: BTreeSet<String>,
    /// Paths this file imports (private `use`, and paths in code), as written, each with
    /// the inline module it is written in (`mod shared_str { use super::*; }`).
    imports: Vec<(Vec<String>, Vec<String>)>,
    /// Names re-exported with `pub use`, and the paths they name.
    reexports: BTreeMap<String, Vec<String>>,
    /// Names bound by `use` (private or not), and the paths they name.
    aliases: BTreeMap<String, Vec<String>>,
    /// Every identifier used outside `use` declarations.
    idents: BTreeSet<String>,
}

/// Expands one use tree from `i` into (path, bound name) pairs; a glob binds no name.
fn use_tree(
    toks: &[Tok],
    i: &mut usize,
    prefix: Vec<String>,
    out: &mut Vec<(Vec<String>, String)>,
) {
    let mut path = prefix;
    loop {
        match toks.get(*i) {
            Some(Tok::Ident(s)) => {
                path.push(s.clone());
                *i += 1;
            }
            Some(Tok::Punct('*')) => {
                *i += 1;
                out.push((path, String::new()));
                return;
            }
            Some(Tok::Punct('{')) => {
                *i += 1;
                while !is_punct(toks.get(*i), '}') && *i < toks.len() {
                    use_tree(toks, i, path.clone(), out);
                    if is_punct(toks.get(*i), ',') {
                        *i += 1;
                    }
                }
                *i += 1;
                return;
            }
            _ => break,
        }
        if toks.get(*i) == Some(&Tok::Sep) {
            *i += 1;
        } else {
            break;
        }
    }
    if path.last().is_some_and(|s| s == "self") {
        path.pop();
    }
    let mut name = path.last().cloned().unwrap_or_default();
    if is_ident(toks.get(*i), "as") {
        if let Some(Tok::Ident(alias)) = toks.get(*i + 1) {
            name = alias.clone();
        }
        *i += 2;
    }
    out.push((path, name));
}

fn read(rel: &str, text: &str) -> File {
    let toks = without_tests(lex(text));
    let mut file = File {
        rel: rel.to_owned(),
        ..File::default()
    };
    // Inline modules open here, with the brace depth inside each.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < toks.len() {
        let inner: Vec<String> = inline.iter().map(|(m, _)| m.clone()).collect();
        match toks[i] {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                depth -= 1;
                while inline.last().is_some_and(|&(_, d)| d > depth) {
                    inline.pop();
                }
            }
            _ => {}
        }
        if is_ident(toks.get(i), "use") {
            let public = is_ident(toks.get(i.wrapping_sub(1)), "pub")
                || (is_punct(toks.get(i.wrapping_sub(1)), ')')
                    && (2..6).any(|k| is_ident(toks.get(i.wrapping_sub(k)), "pub")));
            let mut j = i + 1;
            let mut pairs = Vec::new();
            use_tree(&toks, &mut j, Vec::new(), &mut pairs);
            for (path, name) in pairs {
                if public && !name.is_empty() && inner.is_empty() {
                    file.reexports.insert(name.clone(), path.clone());
                } else {
                    file.imports.push((inner.clone(), path.clone()));
                }
                if !name.is_empty() && inner.is_empty() {
                    file.aliases.insert(name, path);
                }
            }
            i = j;
            continue;
        }
        if is_ident(toks.get(i), "mod") {
            if let Some(Tok::Ident(name)) = toks.get(i + 1) {
                if is_punct(toks.get(i + 2), '{') {
                    inline.push((name.clone(), depth + 1));
                } else if inner.is_empty() {
                    file.children.insert(name.clone());
                }
            }
        }
        if let Some(Tok::Ident(first)) = toks.get(i) {
            file.idents.insert(first.clone());
            let after_sep = i > 0 && toks[i - 1] == Tok::Sep;
            if !after_sep && toks.get(i + 1) == Some(&Tok::Sep) {
                let mut path = vec![first.clone()];
                let mut j = i + 1;
                while toks.get(j) == Some(&Tok::Sep) {
                    match toks.get(j + 1) {
                        Some(Tok::Ident(s)) => path.push(s.clone()),
                        _ => break,
                    }
                    j += 2;
                }
                file.imports.push((inner, path));
            }
        }
        i += 1;
    }
    // A re-export the file's own code uses is also an import.
    for (name, path) in &file.reexports {
        if file.idents.contains(name) {
            file.imports.push((Vec::new(), path.clone()));
        }
    }
    file
}

/// The module a file under `src` holds: `grid/decide.rs` is `grid::decide`.
pub fn module_of(rel: &str) -> Module {
    let rel = rel.trim_end_matches(".rs");
    let mut parts: Module = rel.split('/').map(str::to_owned).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

pub fn name(m: &[String]) -> String {
    if m.is_empty() {
        "crate".to_owned()
    } else {
        m.join("::")
    }
}

pub struct Graph {
    pub files: BTreeMap<Module, File>,
    /// Edges between modules, each with the first reference that makes it.
    pub edges: BTreeMap<(Module, Module), String>,
}

impl Graph {
    fn new(sources: &[(String, String)]) -> Graph {
        let mut files: BTreeMap<Module, File> = sources
            .iter()
            .map(|(rel, text)| (module_of(rel), read(rel, text)))
            .collect();
        // Only files reached from lib.rs by non-test `mod` declarations count: a test
        // module's file, and what it declares, are left out.
        let mut declared = BTreeSet::from([Module::new()]);
        let mut todo = vec![Module::new()];
        while let Some(m) = todo.pop() {
            for c in files.get(&m).map(|f| &f.children).into_iter().flatten() {
                let mut child = m.clone();
                child.push(c.clone());
                if files.contains_key(&child) && declared.insert(child.clone()) {
                    todo.push(child);
                }
            }
        }
        files.retain(|m, _| declared.contains(m));
        let mut graph = Graph {
            files,
            edges: BTreeMap::new(),
        };
        let mut edges = BTreeMap::new();
        for (m, f) in &graph.files {
            for (inner, path) in &f.imports {
                let Some(target) = graph.absolute(m, inner, path).map(|a| graph.resolve(a, 0))
                else {
                    continue;
                };
                // Not counted: a module itself, the crate root, and what a folder's
                // `mod.rs` takes from its own folder.
                if !target.is_empty() && !target.starts_with(m) {
                    let why = format!("{} uses {}", f.rel, path.join("::"));
                    edges.entry((m.clone(), target)).or_insert(why);
                }
            }
        }
        graph.edges = edges;
        graph
    }

    /// A path written in module `m` (inside its inline module `inner`), from the crate
    /// root; `None` for other crates.
    fn absolute(&self, m: &Module, inner: &[String], path: &[String]) -> Option<Vec<String>> {
        let file = self.files.get(m)?;
        let first = path.first()?;
        let mut here = m.clone();
        here.extend(inner.iter().cloned());
        let mut base = match first.as_str() {
            "crate" => return Some(path[1..].to_vec()),
            "self" => here,
            "super" => here[..here.len().checked_sub(1)?].to_vec(),
            _ if inner.is_empty() && file.children.contains(first) => {
                let mut p = m.clone();
                p.extend(path.iter().cloned());
                return Some(p);
            }
            _ => {
                let alias = file.aliases.get(first)?;
                if alias.first() == Some(first) {
                    return None;
                }
                let mut p = self.absolute(m, &[], alias)?;
                p.extend(path[1..].iter().cloned());
                return Some(p);
            }
        };
        let mut rest = &path[1..];
        while rest.first().is_some_and(|s| s == "super") {
            base.pop()?;
            rest = &rest[1..];
        }
        base.extend(rest.iter().cloned());
        Some(base)
    }

    /// The module that defines what an absolute path names, through re-exports.
    fn resolve(&self, path: Vec<String>, depth: usize) -> Module {
        let k = (0..=path.len())
            .rev()
            .find(|&k| self.files.contains_key(&path[..k]))
            .unwrap_or(0);
        let module = path[..k].to_vec();
        if let (Some(next), true) = (path.get(k), depth < 8) {
            let reexport = self.files.get(&module).and_then(|f| f.reexports.get(next));
            if let Some(target) = reexport.and_then(|p| self.absolute(&module, &[], p)) {
                let mut full = target;
                full.extend(path[k + 1..].iter().cloned());
                return self.resolve(full, depth + 1);
            }
        }
        module
    }

    /// The cycle among `members`, if any: `member(m)` groups module `m` into a member.
    fn cycle(&self, member: impl Fn(&Module) -> Option<String>) -> Option<String> {
        let mut adjacent: BTreeMap<String, BTreeMap<String, &String>> = BTreeMap::new();
        for ((a, b), why) in &self.edges {
            if let (Some(x), Some(y)) = (member(a), member(b)) {
                if x != y {
                    adjacent.entry(x).or_default().entry(y).or_insert(why);
                }
            }
        }
        let mut done = BTreeSet::new();
        for start in adjacent.keys() {
            let mut path = Vec::new();
            if let Some(cycle) = find_cycle(start, &adjacent, &mut path, &mut done) {
                let mut report = cycle.join(" → ");
                for pair in cycle.windows(2) {
                    report += &format!(
                        "\n  {} → {}: {}",
                        pair[0], pair[1], adjacent[&pair[0]][&pair[1]]
                    );
                }
                return Some(report);
            }
        }
        None
    }

    /// Every folder: a module with submodules.
    fn folders(&self) -> BTreeSet<Module> {
        self.files
            .keys()
            .filter(|m| !m.is_empty())
            .map(|m| m[..m.len() - 1].to_vec())
            .collect()
    }
}

fn find_cycle(
    node: &String,
    adjacent: &BTreeMap<String, BTreeMap<String, &String>>,
    path: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if let Some(at) = path.iter().position(|n| n == node) {
        let mut cycle = path[at..].to_vec();
        cycle.push(node.clone());
        return Some(cycle);
    }
    if done.contains(node) {
        return None;
    }
    path.push(node.clone());
    for next in adjacent.get(node).into_iter().flat_map(BTreeMap::keys) {
        if let Some(cycle) = find_cycle(next, adjacent, path, done) {
            return Some(cycle);
        }
    }
    path.pop();
    done.insert(node.clone());
    None
}

/// The member of `folder` that module `m` belongs to. At the top, `error/mod.rs` belongs
/// to none and `error::kind` stands on its own (see the module's documentation).
fn member_of(folder: &[String], m: &Module) -> Option<String> {
    if !m.starts_with(folder) {
        return None;
    }
    if m.len() == folder.len() {
        return (!folder.is_empty()).then(|| name(folder));
    }
    if folder.is_empty() && m[0] == "error" {
        return (m.len() > 1).then(|| name(&m[..2]));
    }
    Some(name(&m[..=folder.len()]))
}

/// Every breach of the rules, one per line; empty when there is none.
pub fn check(sources: &[(String, String)]) -> (Graph, Vec<String>) {
    let graph = Graph::new(sources);
    let mut faults = Vec::new();
    if let Some(cycle) = graph.cycle(|m| Some(name(m))) {
        faults.push(format!("import cycle between files: {cycle}"));
    }
    for folder in graph.folders() {
        if let Some(cycle) = graph.cycle(|m| member_of(&folder, m)) {
            faults.push(format!("import cycle in {}: {cycle}", name(&folder)));
        }
    }
    let leaf = vec!["error".to_owned(), "kind".to_owned()];
    for ((a, b), why) in &graph.edges {
        if a == &leaf {
            faults.push(format!(
                "error::kind must import nothing from the crate: {why}"
            ));
        }
        let above_ward = |m: &String| ABOVE_WARD.contains(&m.as_str());
        if b.first().is_some_and(|s| s == "ward") && !a.first().is_some_and(above_ward) {
            faults.push(format!(
                "only ward and what sits above it may import ward: {why}"
            ));
        }
    }
    (graph, faults)
}

/// The modules that may import the ward: itself, and the layers above it — the queries
/// (typed questions to a ward), the surface (the description and the faces' catalog) and
/// the simulation (which drives wards).
const ABOVE_WARD: [&str; 4] = ["ward", "queries", "surface", "sim"];

pub fn sources(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
        .collect()
}

pub fn read_dir(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("a readable folder")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            read_dir(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path
                .strip_prefix(root)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, fs::read_to_string(&path).expect("a readable file")));
        }
    }
}
