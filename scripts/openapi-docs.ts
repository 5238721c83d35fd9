/**
 * Reads the TSDoc comments of the contract's schemas and of their fields from the source, so
 * that docs/openapi.json describes each schema and field in the same words as the code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** A schema's description and, by field name, its fields' (nested objects included). */
export interface SchemaDocs {
  description?: string;
  fields: Map<string, SchemaDocs>;
}

function commentOf(node: ts.Node): string | undefined {
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  const text = docs?.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '').join('\n');
  if (!text) return undefined;
  return text.replace(/\{@link\s+([^}\s]+)\s*\}/g, '`$1`').replace(/\s*\n\s*/g, ' ');
}

/** The object literal of `z.object({...})` (or strictObject), looking through `.check()`. */
function shapeOf(expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
  if (!ts.isCallExpression(expression)) return undefined;

  const callee = expression.expression;
  if (ts.isPropertyAccessExpression(callee)) {
    const name = callee.name.text;
    const [first] = expression.arguments;
    if (
      (name === 'object' || name === 'strictObject') &&
      first &&
      ts.isObjectLiteralExpression(first)
    ) {
      return first;
    }
    return shapeOf(callee.expression);
  }
  return undefined;
}

function fieldsOf(shape: ts.ObjectLiteralExpression | undefined): Map<string, SchemaDocs> {
  const fields = new Map<string, SchemaDocs>();
  for (const property of shape?.properties ?? []) {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
    fields.set(property.name.text, {
      description: commentOf(property),
      fields: fieldsOf(shapeOf(property.initializer)),
    });
  }
  return fields;
}

/** Docs of every exported `const` in the `.ts` files of `dir`, by export name. */
export function readSchemaDocs(dir: string): Map<string, SchemaDocs> {
  const docs = new Map<string, SchemaDocs>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    const path = join(dir, file);
    const source = ts.createSourceFile(
      path,
      readFileSync(path, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );

    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;

      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        docs.set(declaration.name.text, {
          description: commentOf(statement),
          fields: fieldsOf(shapeOf(declaration.initializer)),
        });
      }
    }
  }
  return docs;
}

type Json = Record<string, unknown>;

/** Puts the docs into a JSON Schema: the schema's description, then its properties', deeply. */
export function describe(schema: Json, docs: SchemaDocs | undefined): void {
  if (!docs) return;
  if (docs.description) {
    const rule = schema.description === undefined ? '' : ` ${String(schema.description)}`;
    schema.description = `${docs.description}${rule}`;
  }

  const properties = schema.properties as Record<string, Json> | undefined;
  for (const [name, field] of docs.fields) {
    const property = properties?.[name];
    if (property) describe(property, field);
  }
}
