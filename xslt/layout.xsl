<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout.xsl — the page shell.  widgets.xsl imports it, and every view
  imports widgets.xsl (through its module's common.xsl or itself), so the
  shell and the widgets come with one import.  It owns xsl:output, the
  header (site, account, language switch, the navigation nav.c lists from
  the site's modules), the message area (its texts: the widgets'
  field-label and msg-text), the footer with the request id, and the CSS.

  A view provides:
    <xsl:template name="title">   the page title (text only)
    <xsl:template match="data" mode="content">   the main content
  and may provide <xsl:template name="css-extra"> for more CSS.

  Strings are compiled in by localize.xsl: <t:s key=""/>, <t:label set="" select=""/>.
  At run time none of the banned constructs (DESIGN.md, performance and
  security): no document or key functions, no numbering, no descendant
  axis, no output-escaping tricks.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <!-- the form of the page, when a view has one -->
  <xsl:variable name="form" select="/page/data/form"/>

  <xsl:template match="/">
    <xsl:apply-templates select="page"/>
  </xsl:template>

  <xsl:template match="page">
    <html lang="{@lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:call-template name="title"/>
          <xsl:text> · </xsl:text>
          <t:s key="app.title"/>
        </title>
        <style>
          <xsl:call-template name="css"/>
          <xsl:call-template name="widgets-css"/>
          <xsl:call-template name="css-extra"/>
        </style>
      </head>
      <body>
        <xsl:call-template name="header"/>
        <main id="main">
          <xsl:call-template name="help"/>
          <xsl:call-template name="messages"/>
          <xsl:apply-templates select="data" mode="content"/>
        </main>
        <footer class="foot">
          <t:s key="layout.reqid"/>
          <t:s key="layout.colon"/>
          <code><xsl:value-of select="@reqid"/></code>
          <xsl:if test="string(@today)">
            <span class="sep"> · </span>
            <t:s key="layout.today"/>
            <t:s key="layout.colon"/>
            <xsl:value-of select="@today"/>
          </xsl:if>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- Views override these two. -->
  <xsl:template name="title">
    <t:s key="app.title"/>
  </xsl:template>

  <xsl:template match="data" mode="content"/>

  <xsl:template name="css-extra"/>

  <xsl:template name="header">
    <header class="top">
      <div class="brand">
        <!-- home: the site's first module -->
        <a href="{/page/nav/item[1]/@href}" class="app"><t:s key="app.title"/></a>
        <xsl:if test="string(/page/@site)">
          <span class="site"><xsl:value-of select="/page/@site"/></span>
        </xsl:if>
      </div>
      <div class="who">
        <xsl:for-each select="/page/account">
          <span class="name"><xsl:value-of select="@name"/></span>
          <span class="role">
            <t:label set="acct" select="@role"/>
          </span>
          <xsl:if test="string(@unit-name)">
            <span class="unit"><xsl:value-of select="@unit-name"/></span>
          </xsl:if>
        </xsl:for-each>
        <!-- the switch reloads this path; a path that could leave the site is not echoed -->
        <xsl:variable name="p" select="/page/@path"/>
        <xsl:variable name="self">
          <xsl:choose>
            <xsl:when test="starts-with($p, '/') and substring($p, 2, 1) != '/'
                and substring($p, 2, 1) != '\'">
              <xsl:value-of select="$p"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="/page/@base"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="/page/@lang = 'en'">
            <a class="lang" href="{$self}?{/page/@query}lang=zh-CN" hreflang="zh-CN" lang="zh-CN">中文</a>
          </xsl:when>
          <xsl:otherwise>
            <a class="lang" href="{$self}?{/page/@query}lang=en" hreflang="en" lang="en">English</a>
          </xsl:otherwise>
        </xsl:choose>
        <!-- i13 login: signing out is a POST with the page's token, so no other site can do it -->
        <xsl:if test="/page/account and string(/page/csrf)">
          <form class="out" method="post" action="/logout">
            <input type="hidden" name="csrf" value="{/page/csrf}"/>
            <button type="submit"><t:s key="layout.signout"/></button>
          </form>
        </xsl:if>
      </div>
      <!-- the site's modules, as nav.c lists them from the config's modules line -->
      <nav class="nav">
        <xsl:for-each select="/page/nav/item">
          <a href="{@href}">
            <xsl:if test="@module = /page/@module">
              <xsl:attribute name="aria-current">page</xsl:attribute>
            </xsl:if>
            <t:label set="nav" select="@module"/>
          </a>
        </xsl:for-each>
      </nav>
    </header>
  </xsl:template>

  <!--
    The message area.  "saved" is a success notice, "conflict" a warning; a
    message for a field is listed in a summary linking to the field (the form
    templates repeat it next to the field); any other message is an error.
  -->
  <xsl:template name="messages">
    <xsl:variable name="m" select="/page/messages/msg"/>
    <xsl:if test="$m[@code = 'saved']">
      <p class="notice ok" role="status">
        <xsl:call-template name="saved-text">
          <xsl:with-param name="what" select="$m[@code = 'saved'][1]/@what"/>
        </xsl:call-template>
      </p>
    </xsl:if>
    <xsl:if test="$m[@code = 'conflict']">
      <p class="notice warn" role="alert"><t:s key="msg.conflict"/></p>
    </xsl:if>
    <xsl:for-each select="$m[not(string(@field)) and @code != 'saved' and @code != 'conflict']">
      <p class="notice bad" role="alert"><t:label set="msg" select="@code"/></p>
    </xsl:for-each>
    <xsl:variable name="fm" select="$m[string(@field)]"/>
    <xsl:if test="$fm">
      <div class="notice bad" role="alert">
        <p><t:s key="layout.fix_fields"/></p>
        <ul>
          <xsl:for-each select="$fm">
            <li>
              <a href="#f-{@field}">
                <xsl:call-template name="field-label">
                  <xsl:with-param name="name" select="@field"/>
                </xsl:call-template>
              </a>
              <t:s key="layout.colon"/>
              <xsl:call-template name="msg-text">
                <xsl:with-param name="name" select="@field"/>
                <xsl:with-param name="code" select="@code"/>
              </xsl:call-template>
            </li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>
  </xsl:template>

  <!--
    The page's help: the string help.VIEW of the page's view (worker.c sets
    /page/@view), folded away until asked for.  tests/http/test_a6_defects.py
    fails for a view of xslt/ without its help string in both languages.
  -->
  <xsl:template name="help">
    <xsl:if test="string(/page/@view)">
      <details class="help">
        <summary><t:s key="layout.help"/></summary>
        <p><t:label set="help" select="/page/@view"/></p>
      </details>
    </xsl:if>
  </xsl:template>

  <!--
    What a saved action did: ?saved=RECORD.ACTION (tx.c) is the string
    saved.RECORD_ACTION ("已撤回。"); a code without a string, or none, says
    the generic msg.saved.
  -->
  <xsl:template name="saved-text">
    <xsl:param name="what"/>
    <xsl:variable name="k" select="translate($what, '.', '_')"/>
    <xsl:variable name="s"><t:label set="saved" select="$k"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="string($k) != '' and string($s) != string($k)">
        <xsl:value-of select="$s"/>
      </xsl:when>
      <xsl:otherwise><t:s key="msg.saved"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="css">
    <xsl:text>
:root{--ink:#1f2328;--muted:#59636e;--line:#d0d7de;--bg:#f6f8fa;--accent:#0b5cad;--bad:#b42318;--badbg:#fdecea;--ok:#1a7f37;--okbg:#e6f4ea;--warn:#8a5300;--warnbg:#fff4d6}
*{box-sizing:border-box}
html{font-size:16px}
body{margin:0;color:var(--ink);background:#fff;line-height:1.55;font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--accent)}
a:focus,button:focus,input:focus,select:focus{outline:2px solid var(--accent);outline-offset:1px}
.top{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem;padding:.6rem 1.25rem;background:#12355b;color:#fff}
.top a{color:#fff}
.brand{flex:1 1 auto}
.brand .app{font-weight:700;font-size:1.1rem;text-decoration:none}
.brand .site{margin-left:.75rem;opacity:.85}
.who{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center;font-size:.9rem}
.who .role,.who .unit{opacity:.85}
.who .role{border:1px solid rgba(255,255,255,.5);border-radius:3px;padding:0 .35rem}
.who form.out{display:inline;margin:0}
.who form.out button{font:inherit;color:#fff;background:none;border:1px solid rgba(255,255,255,.5);border-radius:3px;padding:0 .4rem;cursor:pointer}
.nav{flex-basis:100%;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.95rem}
.nav a{text-decoration:none;padding:.15rem 0;border-bottom:2px solid transparent;white-space:nowrap}
.nav a[aria-current]{border-bottom-color:#fff}
main{max-width:78rem;margin:0 auto;padding:1rem 1.25rem 2rem}
h1{font-size:1.45rem;margin:.5rem 0 1rem}
h2{font-size:1.15rem;margin:1.75rem 0 .6rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1.25rem 0 .4rem}
.sub{color:var(--muted);font-weight:400;font-size:.95rem;margin-left:.5rem}
.notice{padding:.6rem .9rem;border-radius:4px;border-left:4px solid;margin:0 0 1rem}
.notice p{margin:0}
.notice ul{margin:.35rem 0 0;padding-left:1.25rem}
.notice.ok{background:var(--okbg);border-color:var(--ok);color:#0f4d22}
.notice.warn{background:var(--warnbg);border-color:#d4a72c;color:#5c3b00}
.notice.bad{background:var(--badbg);border-color:var(--bad);color:#7a1a12}
.notice.info{background:var(--bg);border-color:var(--line)}
table{border-collapse:collapse;width:100%;margin:.25rem 0 1rem}
th,td{border:1px solid var(--line);padding:.35rem .55rem;text-align:left;vertical-align:top}
thead th{background:var(--bg);font-weight:600;white-space:nowrap}
tbody tr:nth-child(even){background:#fbfcfd}
td.num,th.num{white-space:nowrap}
/* positioned, so a visually hidden (position:absolute) label inside stays in the scrolling box */
.tablewrap{overflow-x:auto;position:relative}
.small,.mobile{color:var(--muted);font-size:.85rem}
.mobile{display:block}
.late{color:var(--bad);font-weight:600}
.muted{color:var(--muted)}
.actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.5rem 0 1rem}
.button,button{display:inline-block;font:inherit;padding:.35rem .9rem;border:1px solid var(--accent);border-radius:4px;background:var(--accent);color:#fff;text-decoration:none;cursor:pointer}
.button.secondary,button.secondary{background:#fff;color:var(--accent)}
form.inline{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.6rem .8rem;background:var(--bg);border:1px solid var(--line);border-radius:4px;margin:0 0 1rem}
form.inline label{display:inline-flex;gap:.35rem;align-items:center}
input,select{font:inherit;padding:.3rem .45rem;border:1px solid #8c959f;border-radius:3px;background:#fff;max-width:100%}
.field{display:grid;grid-template-columns:10rem minmax(0,28rem);gap:.25rem 1rem;margin:.6rem 0}
.field>label{padding-top:.3rem;font-weight:600;text-align:right}
.field input,.field select{width:100%}
.field.invalid input,.field.invalid select{border-color:var(--bad);background:#fffafa}
.req{color:var(--bad);margin-left:.15rem}
.ferr{color:var(--bad);margin:.2rem 0 0;font-size:.9rem}
.hint{color:var(--muted);margin:.2rem 0 0;font-size:.85rem}
.formbuttons{margin:1.25rem 0 0 11rem;display:flex;gap:1rem;align-items:center}
.field>.label{padding-top:.3rem;font-weight:600;text-align:right}
.field label.check{display:inline-flex;gap:.4rem;align-items:center;padding-top:.3rem;font-weight:400}
.field label.check input{width:auto}
.conflict{border:1px solid #d4a72c;background:var(--warnbg);border-radius:4px;padding:.25rem 1rem .5rem;margin:0 0 1.25rem}
.conflict h2{border:0;margin-top:.75rem}
table.compare{background:#fff}
table.compare th[scope=row]{white-space:nowrap;background:var(--bg)}
table.compare tr.differs td{font-weight:600}
table.compare tr.differs td:last-child{background:#fff8e1}
.pager{display:flex;gap:1.5rem;margin:.5rem 0}
details.help{float:right;max-width:100%;margin:0 0 .5rem 1rem;font-size:.9rem}
details.help summary{cursor:pointer;color:var(--accent)}
details.help[open]{float:none;margin:0 0 1rem;padding:.5rem .8rem;background:var(--bg);border:1px solid var(--line);border-radius:4px}
details.help p{margin:.35rem 0 0;max-width:48rem}
.foot{max-width:78rem;margin:0 auto;padding:1rem 1.25rem 2rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
code{font-family:ui-monospace,"SFMono-Regular",Consolas,monospace}
@media (max-width:40rem){.field{grid-template-columns:1fr}.field>label,.field>.label{text-align:left}.formbuttons{margin-left:0}}
main p,main dd,main li,main h1,main h2{overflow-wrap:anywhere}
/* narrow screens (375 px): nav items wrap whole, a wide table scrolls inside its own box, never the page */
@media (max-width:48rem){.top{padding:.5rem .75rem}main{padding:.75rem .75rem 1.5rem}main table{display:block;max-width:100%;overflow-x:auto;position:relative}thead th{white-space:normal}td.num,th.num{white-space:normal}input,select,textarea{max-width:100%}form.inline{padding:.5rem}form.inline label{flex-wrap:wrap;max-width:100%}.foot{padding:1rem .75rem}}
@media print{.top,.foot,form.inline,.actions,.pager,details.help{display:none}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
