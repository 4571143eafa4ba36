// Text of the tree and its nodes, from their token spans (the tree is lossless).
import type { NodeBase, SyntaxTree } from "./ast.js";

/** The source text a node covers, trivia inside it included. */
export function nodeText(tree: SyntaxTree, node: NodeBase): string {
  let s = "";
  for (let i = node.firstToken; i <= node.lastToken; i++) s += tree.tokens[i]!.image;
  return s;
}

/** Concatenation of every token of the tree: equals the parsed text. */
export function treeText(tree: SyntaxTree): string {
  return nodeText(tree, tree.body);
}
