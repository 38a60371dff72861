"""The method names of the Ruby classes a translated script's values can be
of (core classes, Time, Date, Struct, File, IO, Set, StringIO, CSV,
OptionParser, Net::SMTP and its Response, Address and adapters, an
SSLContext), public and private, with Kernel's: a name in this set may
belong to any value, so a call on a value of unknown class is not taken to
mean the script's own method of that name.

Made with Ruby 3.1.2 (net-smtp 0.5.1)::

    cls = [Object, BasicObject, Kernel, Comparable, Enumerable, String, Symbol,
           Integer, Float, Numeric, Array, Hash, NilClass, TrueClass, FalseClass,
           Time, Date, DateTime, Struct, Exception, IO, File, File::Stat, Dir,
           MatchData, Range, Proc, Regexp, Set, Net::SMTP, Net::SMTP::Response,
           Net::SMTP::Address, OpenSSL::SSL::SSLContext, Class, Module, Method,
           Enumerator, StringIO, OptionParser, CSV, CSV::Row, CSV::Table,
           Net::ReadAdapter, Net::WriteAdapter, Rational]
    cls.flat_map { |c| c.instance_methods(true) + c.private_instance_methods(true) }
       .map(&:to_s).uniq.sort

(with ``-rnet/smtp -rjson -rtime -rdate -rset -rstringio -roptparse -rcsv
-rbase64 -rfileutils``).
"""

__all__ = ["RUBY_METHODS"]

RUBY_METHODS = frozenset("""
! != !~ % & * ** + +@ - -@ / < << <= <=> == === =~ > >= >> Array CSV Complex Digest Float Hash
Integer JSON Rational String [] []= ^ __callee__ __dir__ __id__ __method__ __send__ _dump `
abort abs abs2 accept add add? add_certificate add_officious add_row additional_message address
advise ajd alias_method all? allbits? allocate alpn_protocols alpn_protocols= alpn_select_cb
alpn_select_cb= amjd ancestors angle any? any_require_smtputf8 anybits? append append_features
arg arity ascii_only? asctime assoc at at_exit atime attr attr_accessor attr_reader attr_writer
auth_capable? authenticate autoclose= autoclose? autoload autoload? b backtrace
backtrace_locations banner banner= base begin between? binding binmode binmode? birthtime
bit_length blksize block_given? blockdev? blocks bsearch bsearch_index build_fields_converter
build_header_fields_converter build_parser_fields_converter build_writer_fields_converter by_col
by_col! by_col_or_row by_col_or_row! by_row by_row! bytes bytesize byteslice ca_file ca_file=
ca_path ca_path= call call_block caller caller_locations candidate capabilities capable?
capable_auth_types capable_cram_md5_auth? capable_login_auth? capable_plain_auth?
capable_starttls? capitalize capitalize! captures casecmp casecmp? casefold? catch cause ceil
center cert cert= cert_store cert_store= chain chardev? chars check_auth_args check_continue
check_response children chmod chomp chomp! chop chop! chown chr chunk chunk_while ciphers
ciphers= clamp class class_eval class_exec class_variable_defined? class_variable_get
class_variable_set class_variables classify clear client_ca client_ca= client_cert_cb
client_cert_cb= clone close close_on_exec= close_on_exec? close_read close_write closed?
closed_read? closed_write? codepoints coerce col_sep collect collect! collect_concat combination
compact compact! compare_by_identity compare_by_identity? complete compsys concat conj conjugate
const_defined? const_get const_missing const_set const_source_location constants continue?
convert convert_fields converters count cover? cram_md5_challenge critical crypt ctime curry
cwday cweek cwyear cycle data day day_fraction debug_output= deconstruct deconstruct_keys
def_head_option def_option def_tail_option default default= default_argv default_argv=
default_proc default_proc= define define_head define_method define_singleton_method define_tail
delete delete! delete? delete_at delete_if delete_prefix delete_prefix! delete_suffix
delete_suffix! denominator deprecate_constant detect determine_encoding dev dev_major dev_minor
difference dig digits directory? disable_ssl disable_starttls disable_tls disjoint? display div
divide divmod do_finish do_helo do_start do_with_enum downcase downcase! downto drop drop_while
dst? dump dup each each_byte each_char each_child each_codepoint each_cons each_entry
each_grapheme_cluster each_index each_key each_line each_pair each_slice each_value
each_with_index each_with_object ecdh_curves= ehlo empty? enable_fallback_scsv enable_ssl
enable_starttls enable_starttls_auto enable_tls encode encode! encoding end end_with? england
entries enum_for environment eof eof? eql? equal? esmtp esmtp= esmtp? eval even? except
exception exception_class exclude_end? exec executable? executable_real? exit exit! extend
extend_object extended external_encoding extra_chain_cert extra_chain_cert= fail fcntl fdatasync
fdiv feed fetch fetch_values field field? field_row? field_size_limit fields file? fileno fill
filter filter! filter_map find find_all find_index finish finite? first fixed_encoding? flat_map
flatten flatten! flatten_merge flock floor flush flush_sessions force_encoding force_quotes?
fork format freeze friday? frozen? fsync ftype full_message gcd gcdlcm gem gem_original_require
get_response getbyte getc getgm getlocal getok getopts gets getutc gid global_variables gmt?
gmt_offset gmtime gmtoff grapheme_clusters gregorian gregorian? grep grep_v group_by grpowned?
gsub gsub! has_key? has_value? hash header? header_convert header_converters
header_fields_converter header_row? headers helo help hex hour httpdate i id2name imag imaginary
inc include include? included included_modules index infinite? inherited initialize
initialize_clone initialize_copy initialize_dup inject ino insert inspect instance_eval
instance_exec instance_method instance_methods instance_of? instance_variable_defined?
instance_variable_get instance_variable_set instance_variables integer? intern internal_encoding
intersect? intersection invert ioctl is_a? isatty isdst iso8601 italy iterator? itself j jd
jisx0301 jj join json_creatable? julian julian? keep_if key key= key? keys kind_of? lambda
lambda? last lazy lcm ld leap? length liberal_parsing? line lineno lineno= lines ljust load
local_variables localtime logging loop lstat lstrip lstrip! magnitude mailfrom make_switch map
map! marshal_dump marshal_load match match? match_length max max_by max_version= mday member?
members merge merge! message method method_added method_defined? method_missing method_removed
method_undefined methods min min_by min_version= minmax minmax_by minute mjd mode module_eval
module_exec module_function modulo mon monday? month mtime name named_captures names nan?
negative? new new_internet_message_io new_offset new_start next next! next_day next_float
next_month next_values next_year nil? nlink nobits? nonblock nonblock= nonblock? none? nonzero?
normalize_converters notwice npn_protocols npn_protocols= npn_select_cb npn_select_cb= nread
nsec numerator object_id oct odd? offset on on_head on_tail one? open open_message_stream
open_timeout open_timeout= options options= ord order order! original_name owned? owner p pack
parameters parse parse! parse_csv parse_in_order parser parser_enumerator
parser_fields_converter parser_options partition path peek peek_values permutation permute
permute! phase pid pipe? polar pop port pos pos= positive? post_match pow pp pre_match pread
pred prepend prepend_features prepended pretty_print pretty_print_cycle prev_day prev_float
prev_month prev_year print printf private private? private_class_method private_constant
private_instance_methods private_method_defined? private_methods proc product program_name
program_name= proper_subset? proper_superset? protected protected? protected_instance_methods
protected_method_defined? protected_methods public public? public_class_method public_constant
public_instance_method public_instance_methods public_method public_method_defined?
public_methods public_send push putc puts pwrite quit quo quote_char raise rand rassoc
rationalize raw_encoding rcptto rcptto_list rdev rdev_major rdev_minor read read_nonblock
read_timeout read_timeout= readable? readable_real? readbyte readchar readline readlines
readpartial ready ready? real real? receiver rect rectangular recv_response reduce refine regexp
rehash reject reject! release release= remainder remove remove_class_variable remove_const
remove_instance_variable remove_method renegotiation_cb renegotiation_cb= reopen
repeated_combination repeated_permutation replace require require_exact require_exact=
require_relative requires_smtputf8 reset respond_to? respond_to_missing? return_headers? reverse
reverse! reverse_each rewind rfc2822 rfc3339 rfc822 rindex rjust rotate rotate! round row
row_sep rpartition rset rstrip rstrip! ruby2_keywords sample saturday? scan scrub scrub! search
sec sec_fraction second second_fraction security_level security_level= seek select select! send
send_mail send_message sendmail separator servername_cb servername_cb= session_add
session_cache_mode session_cache_mode= session_cache_size session_cache_size=
session_cache_stats session_get_cb session_get_cb= session_id_context session_id_context=
session_new_cb session_new_cb= session_remove session_remove_cb session_remove_cb= set_backtrace
set_banner set_debug_output set_encoding set_encoding_by_bom set_minmax_proto_version set_params
set_program_name set_summary_indent set_summary_width set_trace_func setbyte setgid? setuid?
setup shift shuffle shuffle! singleton_class singleton_class? singleton_method
singleton_method_added singleton_method_removed singleton_method_undefined singleton_methods
size size? skip_blanks? skip_lines sleep slice slice! slice_after slice_before slice_when
socket? sort sort! sort_by sort_by! source source_location spawn split sprintf squeeze squeeze!
srand ssl? ssl_context_params ssl_context_params= ssl_socket ssl_socket_connect ssl_timeout
ssl_timeout= ssl_version= start start_with? started? starttls starttls? starttls_always?
starttls_auto? stat status status_type_char step sticky? store strftime string string= strip
strip! sub sub! subclasses subsec subset? subtract succ succ! success? sum summarize
summary_indent summary_indent= summary_width summary_width= sunday? super_method superclass
superset? swapcase swapcase! symlink? sync sync= syscall sysread sysseek system syswrite table
taint tainted? take take_while tally tap tcp_socket tell terminate test then throw thursday?
timeout timeout= times tls? tls_hostname tls_hostname= tls_verify tls_verify= tlsconnect tmp_dh=
tmp_dh_callback tmp_dh_callback= to_a to_ary to_bn to_c to_csv to_date to_datetime to_enum to_f
to_h to_hash to_i to_int to_io to_json to_json_raw to_json_raw_object to_path to_proc to_r to_s
to_set to_str to_sym to_time top tr tr! tr_s tr_s! trace_var transform_keys transform_keys!
transform_values transform_values! transpose trap truncate trust tty? tuesday? tv_nsec tv_sec
tv_usec uid unbind unconverted_fields? undef_method undump ungetbyte ungetc unicode_normalize
unicode_normalize! unicode_normalized? union uniq uniq! unpack unpack1 unshift untaint
untrace_var untrust untrusted? upcase upcase! update upto usec using utc utc? utc_offset
valid_encoding? validate_line value? values values_at ver verify_callback verify_callback=
verify_depth verify_depth= verify_hostname verify_hostname= verify_mode verify_mode= version
version= visit wait wait_priority wait_readable wait_writable warn wday wednesday? with_index
with_object world_readable? world_writable? writable? writable_real? write write_headers?
write_nonblock writer writer_fields_converter writer_options xmlschema yday year yield
yield_self zero? zip zone | ~
""".split())
