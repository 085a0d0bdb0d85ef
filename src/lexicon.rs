//! Words into comparable terms: stemming and stopwords.
//! (Provisional: the lexicon branch replaces this with a real stemmer.)

/// Function words that say nothing about what a claim is about.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "has", "have", "he",
    "her", "his", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "them",
    "there", "these", "they", "this", "to", "was", "were", "which", "who", "will", "with", "would",
    "our", "we", "us", "also", "such", "so", "but", "than", "had", "being", "into", "over",
    "under", "up", "out", "about", "after", "before", "during", "very", "more",
];

/// Whether a word is a stopword.
pub(crate) fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word.to_lowercase().as_str())
}

/// Lower-cases and strips the commonest English inflections.
pub(crate) fn stem(word: &str) -> String {
    let lower = word.to_lowercase();
    for suffix in ["ing", "ed", "es", "e", "s"] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            if stem.chars().count() >= 4 {
                return stem.to_string();
            }
        }
    }
    lower
}
