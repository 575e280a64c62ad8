//! The rating scheme's decoder (a tree of groups and indicators as JSON) on any text: a
//! tree is read and validated or refused, and a tree that reads writes back and reads
//! again the same.
#![no_main]

use gridward::scoring::tree::Tree;
use libfuzzer_sys::fuzz_target;

fuzz_target!(init: gridward_fuzz::seeds::on_request(), |data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Tree::from_json(text) {
        Ok(tree) => {
            let again = serde_json::to_string(&tree).expect("a tree serialises");
            let reread = Tree::from_json(&again).expect("a written tree reads again");
            assert_eq!(reread, tree);
            assert!(tree.indicators().len() >= tree.item_count().min(1));
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
