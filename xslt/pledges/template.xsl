<?xml version="1.0" encoding="UTF-8"?>
<!--
  pledges/template.xsl — one version of a kind's text, as published, laid out
  as the seed has it (numbered clauses, signature blanks), with its print view.
  data @domain: <template id kind version published-at published-by sha256>
          <title/><note/><body><pt:template kind version lang source>
            <pt:title/><pt:preamble/>?<pt:clause n/>…<pt:closing/>?<pt:signatures/>
          </pt:template></body></template>
  The text is the template XML (schema/xml/pledge-template.xsd); common.xsl renders it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text"
    xmlns:pt="urn:wangan:pledge-template:1"
    exclude-result-prefixes="pt">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <t:label set="plkind" select="/page/data/template/@kind"/>
    <xsl:text> · </xsl:text>
    <t:s key="pl.version"><t:arg name="v"><xsl:value-of select="/page/data/template/@version"/></t:arg></t:s>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="tp" select="template"/>
    <xsl:variable name="doc" select="$tp/body/pt:template"/>

    <p class="crumbs small">
      <a href="{$base}"><t:s key="pl.back"/></a>
      <xsl:text> › </xsl:text>
      <a href="{$base}templates"><t:s key="templates.title"/></a>
    </p>
    <h1>
      <t:label set="plkind" select="$tp/@kind"/>
      <span class="sub">
        <t:s key="pl.version"><t:arg name="v"><xsl:value-of select="$tp/@version"/></t:arg></t:s>
      </span>
    </h1>

    <dl class="facts">
      <dt><t:s key="templates.col_published"/></dt>
      <dd>
        <t:s key="signing.recorded_by">
          <t:arg name="at"><xsl:value-of select="substring($tp/@published-at, 1, 16)"/></t:arg>
          <t:arg name="by"><xsl:value-of select="$tp/@published-by"/></t:arg>
        </t:s>
      </dd>
      <xsl:if test="string($tp/note)">
        <dt><t:s key="templates.col_note"/></dt>
        <dd><xsl:value-of select="$tp/note"/></dd>
      </xsl:if>
      <dt><t:s key="signing.sha256"/></dt>
      <dd><code class="hash"><xsl:value-of select="$tp/@sha256"/></code></dd>
    </dl>
    <p class="actions">
      <a class="button secondary" href="{$base}templates/{$tp/@id}/print"><t:s key="template.print_blank"/></a>
    </p>
    <xsl:if test="/page/@lang != $doc/@lang">
      <p class="small muted"><t:s key="template.text_lang"/></p>
    </xsl:if>

    <article class="doc" lang="{$doc/@lang}">
      <h2><xsl:apply-templates select="$doc/pt:title" mode="pt"/></h2>
      <xsl:apply-templates select="$doc/pt:preamble" mode="pt"/>
      <xsl:apply-templates select="$doc/pt:clause" mode="pt"/>
      <xsl:apply-templates select="$doc/pt:closing" mode="pt"/>
      <xsl:apply-templates select="$doc/pt:signatures" mode="pt"/>
    </article>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="pl-css"/>
    <xsl:text>
code.hash{overflow-wrap:anywhere;font-size:.85rem}
article.doc{max-width:46rem;margin:1rem 0;padding:1.5rem 2rem;border:1px solid var(--line);border-radius:4px;font-family:"SimSun","Songti SC","STSong","Noto Serif CJK SC","Source Han Serif SC",serif;line-height:1.9}
article.doc h2{text-align:center;border:0;font-size:1.3rem;margin:.25rem 0 1.25rem}
article.doc p{margin:0 0 .5rem;text-indent:2em}
article.doc p.item{padding-left:2em;text-indent:0}
.signatures{margin-top:1.5rem;margin-left:45%}
.sigrow{display:flex;flex-wrap:wrap;gap:0 2.5rem;margin:0 0 .75rem}
.signatures.paired{margin-left:0}
.paired .sigrow{display:grid;grid-template-columns:58% 42%;gap:0}
.sig .blank{display:inline-block;min-width:6em}
.sig-date .date{word-spacing:2em;padding-left:3em}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
