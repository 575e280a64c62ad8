//! `#[derive(TaggedDeserialize)]`: serde's `Deserialize` for an internally tagged enum
//! (`#[serde(tag = "…")]`) that reads the object once when the tag comes first.
//!
//! serde's own derive buffers every internally tagged object whole (keys, values and
//! everything nested) before it looks at the tag, then decodes the variant from the
//! buffer. Gridward writes the tag first in every journal line and snapshot, so this
//! derive reads the tag, then decodes the variant's fields straight from the input;
//! only keys that come before the tag are held, as JSON values, and given to the
//! variant first. Each struct variant's fields, with their `#[serde]` attributes, are
//! copied into a hidden struct that serde derives, so field attributes mean what they
//! mean to serde.
//!
//! What is accepted, and the refusals' messages, are serde's (Gridward's tests compare
//! the two derives on generated objects), except that the array form serde also reads
//! is refused, a refusal read from JSON text says where it is, and an object that
//! repeats its tag and has other faults is refused for the first fault in key order.
//!
//! Supported: struct and unit variants; on the enum `tag`, `rename_all = "snake_case"`
//! and `deny_unknown_fields`; on a variant `rename`. Anything else is a compile error.
//! The expansion calls `crate::tagged` of the crate that uses it (Gridward's core).

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::{format_ident, quote};
use syn::punctuated::Punctuated;
use syn::{parse_macro_input, Attribute, Data, DeriveInput, Fields, LitStr, Meta, Token};

/// Derives `serde::Deserialize` for an internally tagged enum; see the crate's docs.
#[proc_macro_derive(TaggedDeserialize, attributes(serde))]
pub fn tagged_deserialize(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(tokens) => tokens.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// What the enum's `#[serde(...)]` says.
struct EnumAttrs {
    tag: String,
    snake_case: bool,
    deny_unknown_fields: bool,
}

fn serde_metas(attrs: &[Attribute]) -> syn::Result<Vec<Meta>> {
    let mut out = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let list = attr.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)?;
        out.extend(list);
    }
    Ok(out)
}

fn string_value(meta: &Meta) -> syn::Result<String> {
    let nv = meta.require_name_value()?;
    match &nv.value {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Ok(s.value()),
        other => Err(syn::Error::new_spanned(other, "expected a string")),
    }
}

fn enum_attrs(input: &DeriveInput) -> syn::Result<EnumAttrs> {
    let mut tag = None;
    let mut snake_case = false;
    let mut deny_unknown_fields = false;
    for meta in serde_metas(&input.attrs)? {
        if meta.path().is_ident("tag") {
            tag = Some(string_value(&meta)?);
        } else if meta.path().is_ident("rename_all") {
            if string_value(&meta)? != "snake_case" {
                return Err(syn::Error::new_spanned(
                    meta,
                    "only snake_case is supported",
                ));
            }
            snake_case = true;
        } else if meta.path().is_ident("deny_unknown_fields") {
            deny_unknown_fields = true;
        } else {
            return Err(syn::Error::new_spanned(
                meta,
                "not supported by TaggedDeserialize",
            ));
        }
    }
    let tag = tag.ok_or_else(|| syn::Error::new(Span::call_site(), "needs #[serde(tag = …)]"))?;
    Ok(EnumAttrs {
        tag,
        snake_case,
        deny_unknown_fields,
    })
}

/// serde's `snake_case` of a variant's name: an underscore before every capital but the
/// first, then lower case.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.char_indices() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

fn variant_name(variant: &syn::Variant, attrs: &EnumAttrs) -> syn::Result<String> {
    let mut name = None;
    for meta in serde_metas(&variant.attrs)? {
        if meta.path().is_ident("rename") {
            name = Some(string_value(&meta)?);
        } else {
            return Err(syn::Error::new_spanned(
                meta,
                "not supported by TaggedDeserialize",
            ));
        }
    }
    let ident = variant.ident.to_string();
    Ok(name.unwrap_or_else(|| {
        if attrs.snake_case {
            snake_case(&ident)
        } else {
            ident
        }
    }))
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new_spanned(
            input,
            "TaggedDeserialize is for enums",
        ));
    };
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "generic enums are not supported",
        ));
    }
    let attrs = enum_attrs(input)?;
    let name = &input.ident;
    let deny = attrs
        .deny_unknown_fields
        .then(|| quote!(#[serde(deny_unknown_fields)]));
    let mut names = Vec::new();
    let mut mirrors = Vec::new();
    let mut arms = Vec::new();
    for variant in &data.variants {
        names.push(LitStr::new(
            &variant_name(variant, &attrs)?,
            Span::call_site(),
        ));
        let ident = &variant.ident;
        match &variant.fields {
            Fields::Unit => arms.push(quote! {
                {
                    rest.ignore_rest()?;
                    ::core::result::Result::Ok(#name::#ident)
                }
            }),
            Fields::Named(fields) => {
                let mirror = format_ident!("__{}{}", name, ident);
                let field_idents: Vec<_> = fields.named.iter().map(|f| &f.ident).collect();
                let field_defs = fields.named.iter().map(|f| {
                    let serde_attrs = f.attrs.iter().filter(|a| a.path().is_ident("serde"));
                    let (id, ty) = (&f.ident, &f.ty);
                    quote!(#(#serde_attrs)* #id: #ty)
                });
                mirrors.push(quote! {
                    #[derive(::serde::Deserialize)]
                    #deny
                    #[allow(non_camel_case_types)]
                    struct #mirror { #(#field_defs,)* }
                });
                arms.push(quote! {
                    {
                        let v = <#mirror as ::serde::Deserialize>::deserialize(
                            ::serde::de::value::MapAccessDeserializer::new(rest),
                        )?;
                        ::core::result::Result::Ok(#name::#ident { #(#field_idents: v.#field_idents,)* })
                    }
                });
            }
            Fields::Unnamed(_) => {
                return Err(syn::Error::new_spanned(
                    variant,
                    "only struct and unit variants are supported",
                ))
            }
        }
    }
    let tag = LitStr::new(&attrs.tag, Span::call_site());
    let expecting = LitStr::new(&format!("internally tagged enum {name}"), Span::call_site());
    let Some(last) = arms.pop() else {
        return Err(syn::Error::new_spanned(input, "an enum without variants"));
    };
    let indices = 0..arms.len();
    Ok(quote! {
        const _: () = {
            #(#mirrors)*

            const VARIANTS: &[&str] = &[#(#names),*];

            struct Visitor;

            impl<'de> ::serde::de::Visitor<'de> for Visitor {
                type Value = #name;

                fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(#expecting)
                }

                fn visit_map<A: ::serde::de::MapAccess<'de>>(
                    self,
                    map: A,
                ) -> ::core::result::Result<#name, A::Error> {
                    let (variant, rest) = crate::tagged::open(map, #tag, VARIANTS)?;
                    match variant {
                        #(#indices => #arms)*
                        _ => #last
                    }
                }
            }

            #[automatically_derived]
            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(
                    deserializer: D,
                ) -> ::core::result::Result<Self, D::Error> {
                    ::serde::Deserializer::deserialize_any(deserializer, Visitor)
                }
            }
        };
    })
}
