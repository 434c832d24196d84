<?xml version="1.0" encoding="UTF-8"?>
<!--
  pledges/common.xsl — what the pledges views share; each view imports it
  (it imports the widgets and, through them, the layout).  Not a view itself: main.c's views[] does not name it.

    match="row|party" mode="cells"   the cells of one coverage row (coverage and
                                     unit pages): kind, party, code, status,
                                     signed date, the sign link
    name="status"                    a coverage row's status, with the re-sign dates
    name="signings"                  a party's signings as a table (unit and vendor pages)
    name="cn-num"                    1-99 as Chinese numerals (一 … 九十九)
    name="bytes"                     a size in KiB or MiB
    mode="pt"                        a template text (urn:wangan:pledge-template:1)
                                     as HTML: title, paragraphs, numbered clauses
                                     and items; signature lines are the views' own

  Per-row links use the literal /pledges/ (the module's base never changes):
  a plain attribute value is cheaper per row than one built from a variable.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text"
    xmlns:pt="urn:wangan:pledge-template:1"
    exclude-result-prefixes="pt">

  <xsl:import href="../widgets.xsl"/>
  <xsl:import href="../listtools.xsl"/>

  <!-- May this account record signings (office, unit staff, unit head)?  Leader and auditor read. -->
  <xsl:variable name="can-sign">
    <xsl:variable name="r" select="/page/account/@role"/>
    <xsl:if test="$r = 'office' or $r = 'unit_staff' or $r = 'unit_head'">1</xsl:if>
  </xsl:variable>

  <!-- The header row of a coverage table. -->
  <!-- sortable: the coverage list's titles sort (listtools.xsl's lt-th, the filters in keep kept) -->
  <xsl:template name="cells-head">
    <xsl:param name="sortable" select="false()"/>
    <xsl:param name="keep" select="''"/>
    <tr>
      <th scope="col"><t:s key="pl.col_kind"/></th>
      <xsl:choose>
        <xsl:when test="$sortable">
          <xsl:call-template name="lt-th">
            <xsl:with-param name="key" select="'unit'"/>
            <xsl:with-param name="label"><t:s key="pl.col_party"/></xsl:with-param>
            <xsl:with-param name="keep" select="$keep"/>
          </xsl:call-template>
          <xsl:call-template name="lt-th">
            <xsl:with-param name="key" select="'code'"/>
            <xsl:with-param name="label"><t:s key="pl.col_code"/></xsl:with-param>
            <xsl:with-param name="keep" select="$keep"/>
          </xsl:call-template>
          <xsl:call-template name="lt-th">
            <xsl:with-param name="key" select="'status'"/>
            <xsl:with-param name="label"><t:s key="pl.col_status"/></xsl:with-param>
            <xsl:with-param name="keep" select="$keep"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <th scope="col"><t:s key="pl.col_party"/></th>
          <th scope="col"><t:s key="pl.col_code"/></th>
          <th scope="col"><t:s key="pl.col_status"/></th>
        </xsl:otherwise>
      </xsl:choose>
      <th scope="col"><t:s key="pl.col_signed"/></th>
      <xsl:if test="$can-sign = '1'">
        <th scope="col"><span class="vh"><t:s key="pl.col_action"/></span></th>
      </xsl:if>
    </tr>
  </xsl:template>

  <!--
    One coverage row: <row|party kind party-type party-id unit-id code status
    signing-id? signed? changed? due? overdue?><name/></row>.
  -->
  <xsl:template match="row|party" mode="cells">
    <td><t:label set="plkind" select="@kind"/></td>
    <td>
      <xsl:choose>
        <xsl:when test="@party-type = 'vendor'">
          <a href="/pledges/vendors/{@party-id}"><xsl:value-of select="name"/></a>
        </xsl:when>
        <xsl:otherwise>
          <a href="/pledges/units/{@unit-id}"><xsl:value-of select="name"/></a>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="@party-type != 'unit'">
        <span class="ptype"><t:label set="party" select="@party-type"/></span>
      </xsl:if>
    </td>
    <td class="code"><xsl:value-of select="@code"/></td>
    <td><xsl:call-template name="status"/></td>
    <td class="num">
      <xsl:if test="@signing-id">
        <a href="/pledges/signings/{@signing-id}"><xsl:value-of select="@signed"/></a>
      </xsl:if>
    </td>
    <xsl:if test="$can-sign = '1'">
      <td class="num">
        <xsl:choose>
          <xsl:when test="@party-type = 'vendor' and /page/account/@role != 'office'"/>
          <xsl:when test="@status = 'missing'">
            <a href="/pledges/sign?kind={@kind}&amp;{@party-type}={@party-id}"><t:s key="pl.sign"/></a>
          </xsl:when>
          <xsl:when test="@status = 'resign'">
            <a href="/pledges/sign?kind={@kind}&amp;{@party-type}={@party-id}"><t:s key="pl.resign"/></a>
          </xsl:when>
        </xsl:choose>
      </td>
    </xsl:if>
  </xsl:template>

  <!-- Missing, signed, or a re-sign with its change and due dates (overdue in red), as chips. -->
  <xsl:template name="status">
    <xsl:choose>
      <xsl:when test="@status = 'missing'">
        <xsl:call-template name="chip">
          <xsl:with-param name="tone" select="'bad'"/>
          <xsl:with-param name="text"><t:s key="plstatus.missing"/></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@status = 'signed'">
        <xsl:call-template name="chip">
          <xsl:with-param name="tone" select="'ok'"/>
          <xsl:with-param name="text"><t:s key="plstatus.signed"/></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@status = 'resign'">
        <xsl:call-template name="chip">
          <xsl:with-param name="tone">
            <xsl:choose>
              <xsl:when test="@overdue = '1'">bad</xsl:when>
              <xsl:otherwise>warn</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="text">
            <xsl:choose>
              <xsl:when test="@overdue = '1'"><t:s key="plstatus.overdue"/></xsl:when>
              <xsl:otherwise><t:s key="plstatus.resign"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <small class="dates">
          <t:s key="pl.resign_dates">
            <t:arg name="changed"><xsl:value-of select="@changed"/></t:arg>
            <t:arg name="due"><xsl:value-of select="@due"/></t:arg>
          </t:s>
        </small>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="@status"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    A party's signings, newest first per kind: <signing id kind template-id
    version signed sealed current superseded-by><title/><signer name title/>
    <scan …/>?</signing>.  kinds: whether to show the kind column.
  -->
  <xsl:template name="signings">
    <xsl:param name="rows"/>
    <xsl:param name="kinds" select="true()"/>
    <div class="tablewrap">
      <table class="signings">
        <thead>
          <tr>
            <xsl:if test="$kinds"><th scope="col"><t:s key="pl.col_kind"/></th></xsl:if>
            <th scope="col"><t:s key="pl.col_text"/></th>
            <th scope="col"><t:s key="pl.col_signer"/></th>
            <th scope="col"><t:s key="pl.col_signed"/></th>
            <th scope="col"><t:s key="pl.col_sealed"/></th>
            <th scope="col"><t:s key="pl.col_state"/></th>
            <th scope="col"><t:s key="pl.col_scan"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$rows">
            <tr>
              <xsl:if test="@current != '1'">
                <xsl:attribute name="class">old</xsl:attribute>
              </xsl:if>
              <xsl:if test="$kinds"><td><t:label set="plkind" select="@kind"/></td></xsl:if>
              <td>
                <a href="/pledges/templates/{@template-id}"><xsl:value-of select="title"/></a>
                <small class="dates">
                  <t:s key="pl.version"><t:arg name="v"><xsl:value-of select="@version"/></t:arg></t:s>
                </small>
              </td>
              <td>
                <xsl:value-of select="signer/@name"/>
                <xsl:if test="string(signer/@title)">
                  <small class="dates"><xsl:value-of select="signer/@title"/></small>
                </xsl:if>
              </td>
              <td class="num"><a href="/pledges/signings/{@id}"><xsl:value-of select="@signed"/></a></td>
              <td>
                <xsl:call-template name="yes-no"><xsl:with-param name="on" select="@sealed"/></xsl:call-template>
              </td>
              <td>
                <xsl:choose>
                  <xsl:when test="@current = '1'">
                    <span class="chip chip-ok"><t:s key="pl.current"/></span>
                  </xsl:when>
                  <xsl:when test="@superseded-by != '0'">
                    <a href="/pledges/signings/{@superseded-by}"><t:s key="pl.superseded"/></a>
                  </xsl:when>
                  <xsl:otherwise><span class="muted"><t:s key="pl.superseded"/></span></xsl:otherwise>
                </xsl:choose>
              </td>
              <td>
                <xsl:if test="scan">
                  <a href="/pledges/signings/{@id}/scan"><t:s key="pl.download"/></a>
                </xsl:if>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- 1-99 as Chinese numerals: 一 … 十, 十一 … 十九, 二十, 二十一 … 九十九. -->
  <xsl:template name="cn-num">
    <xsl:param name="n" select="0"/>
    <xsl:variable name="d" select="'一二三四五六七八九'"/>
    <xsl:variable name="tens" select="floor($n div 10)"/>
    <xsl:variable name="ones" select="$n mod 10"/>
    <xsl:choose>
      <xsl:when test="not($n &gt;= 1 and $n &lt;= 99 and $n = floor($n))">
        <xsl:value-of select="$n"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$tens &gt;= 2">
          <xsl:value-of select="substring($d, $tens, 1)"/>
        </xsl:if>
        <xsl:if test="$tens &gt;= 1">十</xsl:if>
        <xsl:if test="$ones &gt;= 1">
          <xsl:value-of select="substring($d, $ones, 1)"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A byte count as KiB (under 1 MiB) or MiB, one decimal. -->
  <xsl:template name="bytes">
    <xsl:param name="n" select="0"/>
    <xsl:choose>
      <xsl:when test="$n &gt;= 1048576">
        <xsl:value-of select="format-number($n div 1048576, '0.0')"/>
        <xsl:text> MiB</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="format-number($n div 1024, '0.0')"/>
        <xsl:text> KiB</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The template text.  <site/> is the site's name, <domain/> the school's
    domain (data/@domain).  The seed's layout: clause numbers 一、二、… from
    clause/@n, item numbers 1. 2. … from item/@n.
  -->
  <xsl:template match="pt:title" mode="pt">
    <xsl:apply-templates mode="pt"/>
  </xsl:template>

  <!-- the texts are Chinese: the school's Chinese name (data/@site), whatever the page language -->
  <xsl:template match="pt:site" mode="pt">
    <xsl:value-of select="/page/data/@site"/>
  </xsl:template>

  <xsl:template match="pt:domain" mode="pt">
    <xsl:value-of select="/page/data/@domain"/>
  </xsl:template>

  <xsl:template match="pt:preamble|pt:closing" mode="pt">
    <div class="{local-name()}">
      <xsl:for-each select="pt:p">
        <p><xsl:value-of select="normalize-space(.)"/></p>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template match="pt:clause" mode="pt">
    <xsl:variable name="no">
      <xsl:call-template name="cn-num">
        <xsl:with-param name="n" select="number(@n)"/>
      </xsl:call-template>
      <xsl:text>、</xsl:text>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="pt:item">
        <div class="clause">
          <p>
            <span class="no"><xsl:value-of select="$no"/></span>
            <xsl:apply-templates mode="pt"
                select="node()[not(self::pt:item) and not(preceding-sibling::pt:item)]"/>
          </p>
          <xsl:for-each select="pt:item">
            <p class="item">
              <span class="no"><xsl:value-of select="@n"/>.</span>
              <xsl:value-of select="normalize-space(.)"/>
            </p>
          </xsl:for-each>
          <xsl:variable name="tail" select="node()[not(self::pt:item) and preceding-sibling::pt:item]"/>
          <xsl:if test="$tail[self::* or normalize-space()]">
            <p><xsl:apply-templates mode="pt" select="$tail"/></p>
          </xsl:if>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="clause">
          <span class="no"><xsl:value-of select="$no"/></span>
          <xsl:apply-templates mode="pt"/>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Text: the first run of a clause or title loses its leading layout whitespace. -->
  <xsl:template match="text()" mode="pt">
    <xsl:choose>
      <xsl:when test="preceding-sibling::node()">
        <xsl:value-of select="."/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="first" select="substring(normalize-space(.), 1, 1)"/>
        <xsl:if test="$first != ''">
          <xsl:value-of select="concat($first, substring-after(., $first))"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The signature block, one row per blank as the seeds lay them out: a phone
    number, or a date that is not the last line, shares the row of the
    signature, seal or field line before it (the cloud-VM and hosted-server
    letters); every other line has a row of its own.  With data/party (print
    for a party) the first seal line carries the party's name and the first
    signature line the signer's name, printed lightly to sign over.
  -->
  <xsl:template match="pt:signatures" mode="pt">
    <xsl:variable name="party" select="/page/data/party"/>
    <div class="signatures">
      <!-- rows of two (a phone beside each signature): the block takes the full width -->
      <xsl:if test="pt:line[@kind = 'phone']">
        <xsl:attribute name="class">signatures paired</xsl:attribute>
      </xsl:if>
      <xsl:for-each select="pt:line">
        <xsl:variable name="next" select="following-sibling::pt:line[1]"/>
        <xsl:if test="not(self::pt:line[@kind = 'phone' or (@kind = 'date' and following-sibling::pt:line)]
            [preceding-sibling::pt:line[1][@kind = 'signature' or @kind = 'seal' or @kind = 'field']])">
          <div class="sigrow">
            <xsl:apply-templates select="." mode="sig">
              <xsl:with-param name="party" select="$party"/>
            </xsl:apply-templates>
            <xsl:if test="($next/@kind = 'phone' or ($next/@kind = 'date' and $next/following-sibling::pt:line))
                and (@kind = 'signature' or @kind = 'seal' or @kind = 'field')">
              <xsl:apply-templates select="$next" mode="sig">
                <xsl:with-param name="party" select="$party"/>
              </xsl:apply-templates>
            </xsl:if>
          </div>
        </xsl:if>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template match="pt:line" mode="sig">
    <xsl:param name="party"/>
    <span class="sig sig-{@kind}">
      <xsl:choose>
        <xsl:when test="@kind = 'date'">
          <span class="date"><xsl:value-of select="normalize-space(.)"/></span>
        </xsl:when>
        <xsl:otherwise>
          <span class="label"><xsl:value-of select="normalize-space(.)"/></span>
          <xsl:if test="@kind != 'seal' or $party">
            <xsl:text>：</xsl:text>
          </xsl:if>
          <span class="blank">
            <xsl:choose>
              <xsl:when test="not($party)"/>
              <xsl:when test="@kind = 'seal' and not(preceding-sibling::pt:line[@kind = 'seal'])">
                <span class="fill"><xsl:value-of select="$party/name"/></span>
              </xsl:when>
              <xsl:when test="@kind = 'signature' and not(preceding-sibling::pt:line[@kind = 'signature'])
                  and string($party/signer/@name)">
                <span class="fill light"><xsl:value-of select="$party/signer/@name"/></span>
              </xsl:when>
            </xsl:choose>
          </span>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- anything a later version of the schema adds: its text, unnumbered -->
  <xsl:template match="*" mode="pt">
    <xsl:apply-templates mode="pt"/>
  </xsl:template>

  <!-- The CSS of coverage tables and of the template text on screen. -->
  <xsl:template name="pl-css">
    <xsl:text>
span.ptype{margin-left:.4rem;color:var(--muted);font-size:.85rem}
small.dates{white-space:nowrap}
td.code{white-space:nowrap}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
