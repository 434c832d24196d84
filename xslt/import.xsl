<?xml version="1.0" encoding="UTF-8"?>
<!--
  import.xsl — the import pages every importing module shares (core/import.h):
  a module's view (registration/import.xsl, systems/import.xsl) imports this
  and names nothing else.  data/@step says which page:
    form     the upload form, the columns, the template; error@code,@line,@arg
             when a file was refused
    preview  file@sha256,@filename,@rows,@new,@change,@same,@bad; every row
             (row@line,@status,@err,@err-col,@err-line with <v> per column);
             <confirm nonce/> when every row is good
    result   result@filename,@rows_total,@rows_created,@rows_changed,@rows_same,
             @imported_at,@imported_by
  data @kind (units, systems), @base (the import's path), @max-kb, @max-rows,
  cols/col@key,@zh,@en,@required.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="widgets.xsl"/>

  <xsl:template name="title">
    <t:label set="imp.title" select="/page/data/@kind"/>
  </xsl:template>

  <!-- A column's title in the page's language. -->
  <xsl:template name="col-title">
    <xsl:param name="col"/>
    <xsl:choose>
      <xsl:when test="/page/@lang = 'en'"><xsl:value-of select="$col/@en"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$col/@zh"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="@base"/>
    <p class="crumbs small">
      <a href="{/page/@base}"><t:label set="imp.back" select="@kind"/></a>
      <xsl:if test="@step != 'form'">
        <xsl:text> · </xsl:text>
        <a href="{$base}"><t:s key="imp.again"/></a>
      </xsl:if>
    </p>
    <h1><t:label set="imp.title" select="@kind"/></h1>
    <xsl:choose>
      <xsl:when test="@step = 'preview'"><xsl:apply-templates select="." mode="preview"/></xsl:when>
      <xsl:when test="@step = 'result'"><xsl:apply-templates select="result"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="." mode="form"/></xsl:otherwise>
    </xsl:choose>
    <p class="help muted"><t:label set="help" select="concat(/page/@module, '/import')"/></p>
  </xsl:template>

  <!-- A refusal of the whole file, or a row's reason: the message and what it names. -->
  <xsl:template name="reason">
    <xsl:param name="code"/>
    <xsl:param name="line"/>
    <xsl:param name="arg"/>
    <t:label set="msg" select="$code"/>
    <xsl:if test="string($arg)">
      <xsl:text> </xsl:text>
      <t:s key="imp.named"><t:arg name="what"><xsl:value-of select="$arg"/></t:arg></t:s>
    </xsl:if>
    <xsl:if test="string($line)">
      <xsl:text> </xsl:text>
      <t:s key="imp.at_line"><t:arg name="line"><xsl:value-of select="$line"/></t:arg></t:s>
    </xsl:if>
  </xsl:template>

  <xsl:template match="data" mode="form">
    <p><t:label set="imp.intro" select="@kind"/></p>
    <p class="muted"><t:s key="imp.office_only"/></p>
    <xsl:if test="error">
      <p class="notice bad" role="alert" id="imp-error">
        <xsl:call-template name="reason">
          <xsl:with-param name="code" select="error/@code"/>
          <xsl:with-param name="line" select="error/@line"/>
          <xsl:with-param name="arg" select="error/@arg"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <t:s key="imp.nothing"/>
      </p>
    </xsl:if>
    <form method="post" action="{@base}" enctype="multipart/form-data" class="form">
      <xsl:call-template name="csrf"/>
      <p>
        <label for="imp-file">
          <t:s key="imp.file">
            <t:arg name="kb"><xsl:value-of select="@max-kb"/></t:arg>
            <t:arg name="rows"><xsl:value-of select="@max-rows"/></t:arg>
          </t:s>
        </label>
        <br/>
        <input type="file" id="imp-file" name="file" required="required"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>
      </p>
      <p><button type="submit"><t:s key="imp.upload"/></button></p>
    </form>
    <h2><t:s key="imp.columns"/></h2>
    <p>
      <a class="export" href="{@base}/template.csv"><t:s key="imp.template"/></a>
    </p>
    <div class="tablewrap">
      <table>
        <thead>
          <tr>
            <th scope="col"><t:s key="imp.col_zh"/></th>
            <th scope="col"><t:s key="imp.col_en"/></th>
            <th scope="col"><t:s key="imp.col_required"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="cols/col">
            <tr>
              <td><xsl:value-of select="@zh"/></td>
              <td lang="en"><xsl:value-of select="@en"/></td>
              <td>
                <xsl:call-template name="yes-no">
                  <xsl:with-param name="on" select="@required"/>
                </xsl:call-template>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <p class="small muted"><t:label set="imp.notes" select="@kind"/></p>
  </xsl:template>

  <xsl:template match="data" mode="preview">
    <xsl:variable name="f" select="file"/>
    <xsl:variable name="cols" select="cols/col"/>
    <p>
      <t:s key="imp.summary">
        <t:arg name="name"><xsl:value-of select="$f/@filename"/></t:arg>
        <t:arg name="rows"><xsl:value-of select="$f/@rows"/></t:arg>
        <t:arg name="new"><xsl:value-of select="$f/@new"/></t:arg>
        <t:arg name="change"><xsl:value-of select="$f/@change"/></t:arg>
        <t:arg name="same"><xsl:value-of select="$f/@same"/></t:arg>
        <t:arg name="bad"><xsl:value-of select="$f/@bad"/></t:arg>
      </t:s>
    </p>
    <xsl:if test="ignored/title">
      <p class="muted">
        <t:s key="imp.ignored"/>
        <xsl:for-each select="ignored/title">
          <xsl:if test="position() &gt; 1">、</xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="confirm">
        <p class="notice ok" role="status"><t:s key="imp.all_good"/></p>
        <form method="post" action="{@base}/confirm" class="form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="sha256" value="{$f/@sha256}"/>
          <input type="hidden" name="nonce" value="{confirm/@nonce}"/>
          <p><button type="submit"><t:s key="imp.confirm"/></button></p>
        </form>
      </xsl:when>
      <xsl:otherwise>
        <p class="notice bad" role="alert">
          <t:s key="imp.has_bad"><t:arg name="bad"><xsl:value-of select="$f/@bad"/></t:arg></t:s>
        </p>
      </xsl:otherwise>
    </xsl:choose>
    <div class="tablewrap">
      <table class="import">
        <thead>
          <tr>
            <th scope="col"><t:s key="imp.line"/></th>
            <th scope="col"><t:s key="imp.status"/></th>
            <xsl:for-each select="$cols">
              <th scope="col">
                <xsl:call-template name="col-title"><xsl:with-param name="col" select="."/></xsl:call-template>
              </th>
            </xsl:for-each>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="rows/row">
            <tr class="imp-{@status}">
              <td><xsl:value-of select="@line"/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="@status = 'bad'">
                    <strong class="chip chip-bad"><t:label set="impst" select="@status"/></strong>
                    <br/>
                    <small class="imp-reason">
                      <xsl:if test="@err-col">
                        <xsl:variable name="k" select="@err-col"/>
                        <xsl:call-template name="col-title">
                          <xsl:with-param name="col" select="$cols[@key = $k]"/>
                        </xsl:call-template>
                        <t:s key="imp.colon"/>
                      </xsl:if>
                      <xsl:call-template name="reason">
                        <xsl:with-param name="code" select="@err"/>
                        <xsl:with-param name="line" select="@err-line"/>
                      </xsl:call-template>
                    </small>
                  </xsl:when>
                  <xsl:when test="@status = 'same'">
                    <span class="chip chip-muted"><t:label set="impst" select="@status"/></span>
                  </xsl:when>
                  <xsl:otherwise>
                    <span class="chip chip-ok"><t:label set="impst" select="@status"/></span>
                  </xsl:otherwise>
                </xsl:choose>
              </td>
              <xsl:for-each select="v">
                <td><xsl:value-of select="."/></td>
              </xsl:for-each>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="result">
    <p class="notice ok" role="status">
      <t:s key="imp.done">
        <t:arg name="name"><xsl:value-of select="@filename"/></t:arg>
        <t:arg name="rows"><xsl:value-of select="@rows_total"/></t:arg>
        <t:arg name="created"><xsl:value-of select="@rows_created"/></t:arg>
        <t:arg name="changed"><xsl:value-of select="@rows_changed"/></t:arg>
        <t:arg name="same"><xsl:value-of select="@rows_same"/></t:arg>
      </t:s>
    </p>
    <p class="muted">
      <t:s key="imp.done_by">
        <t:arg name="by"><xsl:value-of select="@imported_by"/></t:arg>
        <t:arg name="at">
          <xsl:call-template name="time"><xsl:with-param name="t" select="@imported_at"/></xsl:call-template>
        </t:arg>
      </t:s>
    </p>
  </xsl:template>
</xsl:stylesheet>
